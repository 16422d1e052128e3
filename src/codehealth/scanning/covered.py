"""The scan's coverage figures (per function, file and package) for the tables and JSON."""

from __future__ import annotations

import os
from typing import Any

from codehealth.core import (
    CoverageData,
    FunctionMetrics,
    SpanCoverage,
    SpanIndex,
    crap_risk,
    file_coverage_span,
    folder_coverage,
    percent,
    span_figures,
)
from codehealth.render import Cell


class CoverageView:
    """The coverage of the scanned code; every figure is None where there is none (no data,
    stale data, no statements)."""

    def __init__(self, data: CoverageData | None, paths: tuple[str, ...]) -> None:
        self.data = data
        self._index: dict[str, SpanIndex | None] = {}
        self._files: dict[str, SpanCoverage] = {}
        if data is not None:
            for path in paths:
                found = data.of(path)
                if found is not None:
                    self._files[path] = file_coverage_span(found)
        self._folders = folder_coverage(self._files.items())

    def function(self, path: str, fn: FunctionMetrics) -> SpanCoverage | None:
        index = self._index_of(path)
        return None if index is None else index.function(fn.lineno, fn.end_lineno)

    def function_figures(
        self, path: str, fn: FunctionMetrics
    ) -> tuple[SpanCoverage | None, float | None]:
        """A function's coverage and its CRAP score (None without a figure)."""
        span = self.function(path, fn)
        return span, None if span is None else crap_risk(fn.cyclomatic, span)

    def file(self, path: str) -> SpanCoverage | None:
        return self._files.get(path)

    def folder(self, path: str) -> SpanCoverage | None:
        """A package's coverage (``path`` is its folder, ``""`` or ``"."`` the project)."""
        return self._folders.get("" if path in ("", ".") else path.rstrip("/"))

    @property
    def branches(self) -> bool:
        """Whether the data has branch information."""
        return self.data is not None and self.data.has_branches

    def headers(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """Column headers that exist only with coverage data."""
        return names if self.data is not None else ()

    def cells(self, span: SpanCoverage | None) -> tuple[Cell, ...]:
        """A coverage cell; none without coverage data."""
        return (Cell(cover_text(span)),) if self.data is not None else ()

    def _index_of(self, path: str) -> SpanIndex | None:
        if self.data is None:
            return None
        if path not in self._index:
            found = self.data.of(path)
            self._index[path] = None if found is None else SpanIndex(found)
        return self._index[path]


def cover_text(span: SpanCoverage | None) -> str:
    """A table cell: ``87%``, ``-`` without a figure."""
    return percent(None if span is None else span.rate)


def crap_text(score: float | None) -> str:
    return "-" if score is None else f"{score:.0f}"


def coverage_json(view: CoverageView, root: str) -> dict[str, Any] | None:
    """Where the data came from and the project's total; None without data."""
    data = view.data
    if data is None:
        return None
    source = os.path.relpath(data.source, root) if os.path.isabs(data.source) else data.source
    return {
        "source": source.replace(os.sep, "/"),
        "format": data.format,
        "created": data.created,
        "branches": data.has_branches,
        "contexts": len([c for c in data.contexts if c]),
        "stale": list(data.stale),
        "total": span_figures(view.folder(""), data.has_branches),
    }


def coverage_line(view: CoverageView, root: str) -> str | None:
    """The table's line on the coverage: its source and the project's total."""
    described = coverage_json(view, root)
    if described is None:
        return None
    total = view.folder("")
    kind = "lines and branches" if described["branches"] else "lines"
    stale = f"; {len(described['stale'])} file(s) stale" if described["stale"] else ""
    return (
        f"coverage: {cover_text(total)} ({kind}) from {described['source']} "
        f"({described['format']}){stale}; CRAP = cyclomatic^2 * (1 - coverage)^3 + cyclomatic."
    )
