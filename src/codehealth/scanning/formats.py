"""``codehealth scan`` as tables (plain or rich) and as JSON."""

from __future__ import annotations

import json

from codehealth.core import FileMetrics, PackageMetrics, Thresholds
from codehealth.duplication import duplication_line, duplication_tables
from codehealth.metrics import ScanResult
from codehealth.render import Cell, Table, render_plain, render_rich
from codehealth.scanning.covered import CoverageView, cover_text, coverage_line, crap_text
from codehealth.scanning.document import SCHEMA_VERSION, scan_document, total_lines
from codehealth.scanning.view import FunctionRow, worst_files, worst_functions

CRAP_LIMIT = 30  # rule CH601's threshold (rules/coverage.toml)

__all__ = ["SCHEMA_VERSION", "render_scan_json", "render_scan_rich", "render_scan_text"]


def scan_tables(
    result: ScanResult, sort: str, top: int
) -> tuple[list[Table], list[str], list[str]]:
    view = CoverageView(result.coverage, tuple(f.path for f in result.files))
    shown = f"worst {top} by {sort}" if top else f"all, by {sort}"
    tables = [
        _function_table(result, view, shown, worst_functions(result.files, sort, top)),
        _file_table(result, view, shown, worst_files(result.files, sort, top)),
    ]
    if result.packages:
        tables.append(_package_table(result, view))
    if result.not_analysed:
        tables.append(
            Table(
                "Not analysed (CH000)",
                ("file", "reason"),
                [(Cell(item.path), Cell(item.reason)) for item in result.not_analysed],
            )
        )
    tables += duplication_tables(result.duplication, top)
    before = [f"note: {note}" for note in result.notes]
    copies = duplication_line(result.duplication, total_lines(result))
    covered = coverage_line(view, result.root)
    after = [_summary_line(result), *(line for line in (copies, covered) if line)]
    return tables, before, after


_FUNCTION_HEADERS = ("function", "location", "cyclomatic", "cognitive", "nesting", "params")
_FILE_HEADERS = ("file", "lines", "source", "functions", "cyclomatic", "cognitive", "MI")
_PACKAGE_HEADERS = ("package", "files", "source", "functions", "cyclomatic", "cognitive", "MI")


def _function_table(
    result: ScanResult, view: CoverageView, shown: str, rows: list[FunctionRow]
) -> Table:
    limits = result.thresholds
    return Table(
        f"Functions ({shown})",
        (*_FUNCTION_HEADERS, "lines", *view.headers(("cover", "CRAP"))),
        [_function_row(row, limits) + _coverage_cells(view, row) for row in rows],
        frozenset({2, 3, 4, 5, 6, 7, 8}),
        footnote="cyclomatic: radon's definition; cognitive: SonarSource's (sonar-python)",
    )


def _file_table(
    result: ScanResult, view: CoverageView, shown: str, files: list[FileMetrics]
) -> Table:
    return Table(
        f"Files ({shown})",
        (*_FILE_HEADERS, "worst function", *view.headers(("cover",))),
        [
            _file_row(metrics, result.thresholds) + view.cells(view.file(metrics.path))
            for metrics in files
        ],
        frozenset({1, 2, 3, 4, 5, 6, 8}),
    )


def _package_table(result: ScanResult, view: CoverageView) -> Table:
    return Table(
        "Packages",
        (*_PACKAGE_HEADERS, *view.headers(("cover",))),
        [_package_row(p) + view.cells(view.folder(p.path)) for p in result.packages],
        frozenset({1, 2, 3, 4, 5, 6, 7}),
    )


def _function_row(row: FunctionRow, limits: Thresholds) -> tuple[Cell, ...]:
    """One function's cells, those beyond a threshold alerted."""
    function = row.function
    return (
        Cell(function.qualname),
        Cell(f"{row.path}:{function.lineno}"),
        Cell(str(function.cyclomatic), function.cyclomatic > limits.cyclomatic),
        Cell(str(function.cognitive), function.cognitive > limits.cognitive),
        Cell(str(function.max_nesting), function.max_nesting > limits.nesting),
        Cell(str(function.parameters), function.parameters > limits.parameters),
        Cell(str(function.length), function.length > limits.function_length),
    )


def _file_row(metrics: FileMetrics, limits: Thresholds) -> tuple[Cell, ...]:
    """One file's cells, with its worst function by cognitive complexity."""
    worst = max(metrics.functions, key=lambda fn: fn.cognitive, default=None)
    return (
        Cell(metrics.path),
        Cell(str(metrics.lines.total), metrics.lines.total > limits.file_lines),
        Cell(str(metrics.lines.source)),
        Cell(str(len(metrics.functions))),
        Cell(str(metrics.cyclomatic)),
        Cell(str(metrics.cognitive)),
        Cell(
            f"{metrics.maintainability:.1f} {metrics.maintainability_rank}",
            metrics.maintainability < limits.maintainability,
        ),
        Cell(f"{worst.qualname} ({worst.cognitive})" if worst else "-"),
    )


def _package_row(package: PackageMetrics) -> tuple[Cell, ...]:
    """One package's cells."""
    return (
        Cell(package.name),
        Cell(str(package.files)),
        Cell(str(package.lines.source)),
        Cell(str(package.functions)),
        Cell(str(package.cyclomatic)),
        Cell(str(package.cognitive)),
        Cell(f"{package.maintainability:.1f} {package.maintainability_rank}"),
    )


def _summary_line(result: ScanResult) -> str:
    functions = sum(len(f.functions) for f in result.files)
    text = (
        f"{len(result.files)} files, {functions} functions analysed"
        f"{f', {len(result.not_analysed)} not analysed' if result.not_analysed else ''}; "
    )
    if not result.violations:
        return text + "no threshold exceeded."
    counts: dict[str, int] = {}
    for violation in result.violations:
        counts[violation.metric] = counts.get(violation.metric, 0) + 1
    parts = ", ".join(
        f"{metric} > {getattr(result.thresholds, metric)}: {count}"
        if metric != "maintainability"
        else f"maintainability < {result.thresholds.maintainability}: {count}"
        for metric, count in sorted(counts.items())
    )
    in_tests = sum(v.path in result.tests for v in result.violations)
    tests = f"; {in_tests} of them in tests" if in_tests else ""
    return text + f"{len(result.violations)} over thresholds ({parts}{tests})."


def render_scan_text(result: ScanResult, sort: str, top: int) -> str:
    return render_plain(*scan_tables(result, sort, top))


def render_scan_rich(result: ScanResult, sort: str, top: int, width: int) -> str:
    return render_rich(*scan_tables(result, sort, top), width)


def render_scan_json(result: ScanResult, pretty: bool = False) -> str:
    """Compact by default (the C encoder: ~20x faster on large projects); indented on request."""
    if pretty:
        return json.dumps(scan_document(result), indent=2) + "\n"
    return json.dumps(scan_document(result), separators=(",", ":")) + "\n"


def _coverage_cells(view: CoverageView, row: FunctionRow) -> tuple[Cell, ...]:
    """A function's coverage and CRAP score, the score alerted above 30 (rule CH601); no
    cells without coverage data."""
    if view.data is None:
        return ()
    span, score = view.function_figures(row.path, row.function)
    return (
        Cell(cover_text(span)),
        Cell(crap_text(score), score is not None and score > CRAP_LIMIT),
    )
