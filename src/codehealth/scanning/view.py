"""What a scan report shows, independent of the output format: rows, sorted and cut."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from codehealth.core import FileMetrics, FunctionMetrics

SORT_KEYS = (
    "cognitive",
    "cyclomatic",
    "nesting",
    "parameters",
    "length",
    "maintainability",
    "name",
)

_FUNCTION_KEYS: dict[str, Callable[[FunctionMetrics], Any]] = {
    "cognitive": lambda f: (-f.cognitive, -f.cyclomatic),
    "cyclomatic": lambda f: (-f.cyclomatic, -f.cognitive),
    "nesting": lambda f: (-f.max_nesting, -f.cognitive),
    "parameters": lambda f: (-f.parameters, -f.cognitive),
    "length": lambda f: (-f.length, -f.cognitive),
    "maintainability": lambda f: (-f.cognitive, -f.cyclomatic),
    "name": lambda f: (f.qualname,),
}
_FILE_KEYS: dict[str, Callable[[FileMetrics], Any]] = {
    "cognitive": lambda f: (-f.cognitive, -f.cyclomatic),
    "cyclomatic": lambda f: (-f.cyclomatic, -f.cognitive),
    "nesting": lambda f: (-max((fn.max_nesting for fn in f.functions), default=0),),
    "parameters": lambda f: (-max((fn.parameters for fn in f.functions), default=0),),
    "length": lambda f: (-f.lines.total,),
    "maintainability": lambda f: (f.maintainability,),
    "name": lambda f: (f.path,),
}


@dataclass(frozen=True, slots=True)
class FunctionRow:
    path: str
    function: FunctionMetrics


def worst_functions(files: tuple[FileMetrics, ...], sort: str, top: int) -> list[FunctionRow]:
    rows = [FunctionRow(f.path, fn) for f in files for fn in f.functions]
    key = _FUNCTION_KEYS[sort]
    rows.sort(key=lambda row: (*key(row.function), row.path, row.function.lineno))
    return rows[:top] if top else rows


def worst_files(files: tuple[FileMetrics, ...], sort: str, top: int) -> list[FileMetrics]:
    key = _FILE_KEYS[sort]
    ordered = sorted(files, key=lambda f: (*key(f), f.path))
    return ordered[:top] if top else ordered
