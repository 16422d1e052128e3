"""FileMetrics <-> compact JSON for the cache (positional lists: small and quick to load)."""

from __future__ import annotations

import json

from codehealth.model import ClassMetrics, FileMetrics, FunctionMetrics, Halstead, LineCounts

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
    """Raises ValueError (or TypeError) when ``text`` is not what ``encode`` wrote."""
    lines, cyclomatic, cognitive, maintainability, halstead, functions, classes = json.loads(text)
    make_halstead = Halstead._make
    make_function = FunctionMetrics._make
    for row in functions:
        if len(row) != _FUNCTION_FIELDS:
            raise ValueError("cache entry has another layout")
        row[12] = make_halstead(row[12])
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


_FUNCTION_FIELDS = len(FunctionMetrics._fields)
