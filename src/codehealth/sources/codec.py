"""FileMetrics <-> compact JSON for the cache (positional lists: small and quick to load)."""

from __future__ import annotations

import json
from typing import Any

from codehealth.model import ClassMetrics, FileMetrics, FunctionMetrics, Halstead, LineCounts

# Bump when the encoded layout or any metric's definition changes: old entries are dropped.
CODEC_VERSION = 1


def encode(metrics: FileMetrics) -> str:
    lines = metrics.lines
    return json.dumps(
        [
            [lines.total, lines.source, lines.logical, lines.comment, lines.docstring, lines.blank],
            metrics.cyclomatic,
            metrics.cognitive,
            metrics.maintainability,
            _halstead(metrics.halstead),
            [
                [
                    f.name,
                    f.qualname,
                    f.lineno,
                    f.end_lineno,
                    f.is_method,
                    f.is_nested,
                    f.cyclomatic,
                    f.cognitive,
                    f.max_nesting,
                    f.parameters,
                    f.statements,
                    f.returns,
                    _halstead(f.halstead),
                ]
                for f in metrics.functions
            ],
            [
                [c.name, c.qualname, c.lineno, c.end_lineno, c.cyclomatic, c.cognitive, c.methods]
                for c in metrics.classes
            ],
        ],
        separators=(",", ":"),
    )


def decode(path: str, text: str) -> FileMetrics:
    """Raises ValueError (or TypeError) when ``text`` is not what ``encode`` wrote."""
    lines, cyclomatic, cognitive, maintainability, halstead, functions, classes = json.loads(text)
    return FileMetrics(
        path=path,
        lines=LineCounts(*lines),
        cyclomatic=cyclomatic,
        cognitive=cognitive,
        maintainability=maintainability,
        halstead=Halstead(*halstead),
        functions=tuple(_function(f) for f in functions),
        classes=tuple(ClassMetrics(*c) for c in classes),
    )


def _function(row: list[Any]) -> FunctionMetrics:
    (
        name,
        qualname,
        lineno,
        end,
        method,
        nested,
        cc,
        cognitive,
        nesting,
        params,
        stmts,
        rets,
        hal,
    ) = row
    return FunctionMetrics(
        name,
        qualname,
        lineno,
        end,
        method,
        nested,
        cc,
        cognitive,
        nesting,
        params,
        stmts,
        rets,
        Halstead(*hal),
    )


def _halstead(h: Halstead) -> list[Any]:
    return [
        h.distinct_operators,
        h.distinct_operands,
        h.operators,
        h.operands,
        h.volume,
        h.difficulty,
        h.effort,
    ]
