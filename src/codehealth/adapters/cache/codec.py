"""FileMetrics <-> compact JSON for the cache (positional lists: small and quick to load)."""

from __future__ import annotations

import json
from typing import Any

from codehealth.core import (
    FINGERPRINT_FIELDS,
    ClassMetrics,
    FileMetrics,
    Fingerprints,
    FunctionMetrics,
    Halstead,
    LineCounts,
)

# Bump when the encoded layout or any metric's definition changes: old entries are dropped.
CODEC_VERSION = 1


def encode(metrics: FileMetrics) -> str:
    return json.dumps(
        [
            metrics.lines,
            metrics.cyclomatic,
            metrics.cognitive,
            metrics.maintainability,
            metrics.halstead,
            metrics.functions,
            metrics.classes,
        ],
        separators=(",", ":"),
    )


def decode(path: str, text: str) -> FileMetrics:
    """Raises ValueError (or TypeError) when ``text`` is not what ``encode`` wrote.

    Every field's type is checked: the cache lives in the analysed repository, so an entry
    may have been written by anyone, and a wrong type must not crash a later step.
    """
    lines, cyclomatic, cognitive, maintainability, halstead, functions, classes = json.loads(text)
    _expect(lines, _LINES)
    _expect([cyclomatic, cognitive, maintainability], _FILE)
    _expect(halstead, _HALSTEAD)
    make_halstead = Halstead._make
    make_function = FunctionMetrics._make
    for row in functions:
        _expect(row[:12], _FUNCTION)
        _expect(row[12], _HALSTEAD)
        if len(row) != _FUNCTION_FIELDS:
            raise ValueError("cache entry has another layout")
        row[12] = make_halstead(row[12])
    for row in classes:
        _expect(row, _CLASS)
    return FileMetrics(
        path=path,
        lines=LineCounts._make(lines),
        cyclomatic=cyclomatic,
        cognitive=cognitive,
        maintainability=maintainability,
        halstead=make_halstead(halstead),
        functions=tuple(map(make_function, functions)),
        classes=tuple(map(ClassMetrics._make, classes)),
    )


def _expect(values: Any, types: tuple[type, ...]) -> None:
    if type(values) is not list or tuple(map(type, values)) != types:
        raise ValueError("cache entry has unexpected types")


_LINES = (int,) * 6
_FILE = (int, int, float)
_HALSTEAD = (int, int, int, int, float, float, float)
_FUNCTION = (str, str, int, int, bool, bool, int, int, int, int, int, int)
_CLASS = (str, str, int, int, int, int, int)
_FUNCTION_FIELDS = len(FunctionMetrics._fields)


def encode_prints(prints: Fingerprints | str) -> str:
    """A file's fingerprints (or why it has none) for the cache."""
    return json.dumps(prints if isinstance(prints, str) else list(prints), separators=(",", ":"))


def decode_prints(text: str) -> Fingerprints | str:
    """Raises ValueError when ``text`` is not what ``encode_prints`` wrote."""
    value = json.loads(text)
    if isinstance(value, str):
        return value
    if type(value) is not list or len(value) % FINGERPRINT_FIELDS or set(map(type, value)) - {int}:
        raise ValueError("cache entry has unexpected types")
    return tuple(value)
