"""The report's data on tests and copies: coverage per function and in total, and the
duplication (the scan's own JSON shapes, capped for the page)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from codehealth.core import FileMetrics
from codehealth.debt import DebtReport
from codehealth.duplication import duplication_document
from codehealth.scanning import CoverageView

MAX_CLONE_GROUPS = 50


def duplication_data(debt: DebtReport, max_files: int) -> dict[str, Any]:
    """The duplication document, its largest groups and worst files only."""
    document = duplication_document(debt.duplication, (), debt.total_lines)
    document["group_count"] = len(document["groups"])
    document["groups"] = document["groups"][:MAX_CLONE_GROUPS]
    files = sorted(document["files"], key=lambda f: (-f["lines"], f["path"]))
    document["files"] = files[:max_files]
    return document


def coverage_data(debt: DebtReport) -> dict[str, Any] | None:
    """Where the coverage came from and the project's figure; None without data."""
    coverage = debt.coverage
    if coverage is None:
        return None
    rate = coverage.project.rate
    return {
        "source": coverage.source,
        "percent": None if rate is None else round(rate * 100, 1),
        "branches": coverage.branches,
    }


def with_coverage(
    rows: list[dict[str, Any]], debt: DebtReport, metrics: Mapping[str, FileMetrics]
) -> list[dict[str, Any]]:
    """Each function row with its coverage (%) and CRAP score: None without a figure."""
    data = debt.coverage.data if debt.coverage is not None else None
    view = CoverageView(data, tuple({row["path"] for row in rows}))
    by_line = {(path, fn.lineno): fn for path, file in metrics.items() for fn in file.functions}
    for row in rows:
        fn = by_line[row["path"], row["line"]]
        span, score = view.function_figures(row["path"], fn)
        rate = None if span is None else span.rate
        row["coverage"] = None if rate is None else round(rate * 100, 1)
        row["crap"] = None if score is None else round(score, 1)
    return rows
