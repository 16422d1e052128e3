"""``codehealth reviews`` as text tables (plain or rich), markdown and JSON."""

from __future__ import annotations

from codehealth.render import Cell, Table, dataclass_json, md_code, md_text, render_report
from codehealth.review.months import MonthRow, ReviewsReport
from codehealth.version import __version__

REVIEWS_SCHEMA_VERSION = 1


def _c(text: object, alert: bool = False) -> Cell:
    return Cell(str(text), alert)


def _changes(count: int) -> str:
    return f"{count} change" if count == 1 else f"{count} changes"


def _percent(share: float) -> str:
    return f"{share:.0%}"


def _month_cells(row: MonthRow) -> tuple[Cell, ...]:
    return (
        _c(row.month),
        _c(row.changes),
        _c(row.lightweight),
        _c(row.careful),
        _c(row.design),
        _c(_percent(row.design_share), row.vs_target == "above"),
        _c(row.vs_target),
        _c(row.hotspot_changes),
        _c(row.api_changes),
        _c(row.top_api_package or "-"),
    )


_MONTH_HEADERS = (
    "month",
    "changes",
    "lightweight",
    "careful",
    "design",
    "design %",
    "vs target",
    "hotspot",
    "API",
    "API changed most",
)


_MARKDOWN_ALIGN = "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |"


def _tables(report: ReviewsReport, top: int) -> list[Table]:
    months = Table(
        f"Changes per month by review level (design target {_percent(report.target)})",
        _MONTH_HEADERS,
        [_month_cells(row) for row in report.months],
        numeric=frozenset({1, 2, 3, 4, 5, 7, 8}),
    )
    packages = Table(
        "Packages whose public API changed most",
        ("package", "changes", "months", "latest"),
        [
            (_c(row.package), _c(row.changes), _c(", ".join(row.months)), _c(row.latest[:10]))
            for row in report.packages[: top or None]
        ],
        numeric=frozenset({1}),
    )
    return [months, packages]


def reviews_summary(report: ReviewsReport, window: str = "") -> str:
    """One sentence over the whole window (``window``: the window as shown, when it must be
    escaped)."""
    return (
        f"{_changes(report.changes)} on the main line in the window ({window or report.window}), "
        f"{report.merges} of them merges read as pull requests: {report.lightweight} "
        f"lightweight, {report.careful} careful, {report.design} design "
        f"({_percent(report.design_share)} design, {report.vs_target} the target of "
        f"{_percent(report.target)})"
    )


def render_reviews(report: ReviewsReport, top: int = 10, width: int | None = None) -> str:
    after = [f"note: {note}" for note in report.notes]
    return render_report((_tables(report, top), [reviews_summary(report)], after), width)


def render_reviews_json(report: ReviewsReport, pretty: bool = False) -> str:
    return dataclass_json(report, REVIEWS_SCHEMA_VERSION, pretty)


def render_reviews_markdown(report: ReviewsReport, top: int = 10) -> str:
    out = ["## Review habit", "", reviews_summary(report, md_text(report.window)) + ".", ""]
    out += ["| " + " | ".join(_MONTH_HEADERS) + " |", _MARKDOWN_ALIGN]
    for row in report.months:
        cells = [md_text(cell.text) for cell in _month_cells(row)[:-1]]
        package = md_code(row.top_api_package, table=True) if row.top_api_package else "-"
        out.append("| " + " | ".join([*cells, package]) + " |")
    if report.packages:
        out += ["", "### Packages whose public API changed most", ""]
        for api in report.packages[: top or None]:
            out.append(
                f"- {md_code(api.package)}: {_changes(api.changes)} "
                f"({md_text(', '.join(api.months))})"
            )
    for note in report.notes:
        out += ["", f"> {md_text(note)}"]
    out += ["", f"<sub>codehealth {__version__}</sub>", ""]
    return "\n".join(out)
