"""The debt report's coverage: per module and for the project, beside the debt."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from codehealth.core import (
    EMPTY_SPAN,
    CoverageData,
    SpanCoverage,
    file_coverage_span,
    percent,
    span_figures,
)
from codehealth.render import Cell


@dataclass(frozen=True, slots=True)
class DebtCoverage:
    """Where the coverage data came from, and the coverage of each module (by name) and of
    the project; a module none of whose files has a figure is missing from ``modules``."""

    source: str
    format: str
    branches: bool
    project: SpanCoverage
    modules: Mapping[str, SpanCoverage] = field(default_factory=dict)
    data: CoverageData | None = None  # the data itself, per file (hotspots rank with it)


def debt_coverage(
    data: CoverageData | None, modules: Mapping[str, str], paths: Iterable[str]
) -> DebtCoverage | None:
    """The coverage of the measured ``paths``, summed per module (``modules``: path ->
    module name); None without data."""
    if data is None:
        return None
    by_module: dict[str, SpanCoverage] = {}
    project = EMPTY_SPAN
    for path in paths:
        found = data.of(path)
        if found is None:
            continue
        span = file_coverage_span(found)
        name = modules.get(path, ".")
        by_module[name] = by_module.get(name, EMPTY_SPAN) + span
        project = project + span
    return DebtCoverage(data.source, data.format, data.has_branches, project, by_module, data)


def module_coverage(coverage: DebtCoverage | None, name: str) -> dict[str, Any] | None:
    """A module's figures for the JSON document (the scan's layout); None without one."""
    if coverage is None:
        return None
    return span_figures(coverage.modules.get(name), coverage.branches)


def coverage_document(coverage: DebtCoverage | None) -> dict[str, Any] | None:
    if coverage is None:
        return None
    return {
        "source": coverage.source,
        "format": coverage.format,
        "branches": coverage.branches,
        "total": span_figures(coverage.project, coverage.branches),
    }


def cover_cell(coverage: DebtCoverage | None, name: str) -> tuple[Cell, ...]:
    """The module table's coverage cell; none at all without data."""
    if coverage is None:
        return ()
    span = coverage.modules.get(name)
    return (Cell(percent(None if span is None else span.rate)),)
