"""``codehealth hotspots`` as text tables (plain or rich) and as JSON."""

from __future__ import annotations

from collections.abc import Sequence

from codehealth.hotspots.ranking import HotFile
from codehealth.hotspots.report import HotspotsReport
from codehealth.render import Cell, Table, dataclass_json, md_tables, note_lines, render_report

HOTSPOTS_SCHEMA_VERSION = 1


def _c(text: object, alert: bool = False) -> Cell:
    return Cell(str(text), alert)


def _files_table(shown: Sequence[HotFile]) -> Table:
    """The hotspot files, with a "test" column when a test file is shown (test files are
    marked, not hidden)."""
    tests = any(row.test for row in shown)
    headers = ["", "file", "score", "commits", "authors", "churn", "cognitive", "debt h"]
    headers += ["owner", "age mo", "trend"]
    numeric = [2, 3, 4, 6, 7, 9]
    rows = [_file_row(row) for row in shown]
    if tests:
        headers.insert(2, "test")
        numeric = [index + 1 for index in numeric]
        for row, cells in zip(shown, rows, strict=True):
            cells.insert(2, _c("test" if row.test else ""))
    return Table(
        "Hotspots: change frequency in the window x complexity and debt (* = hotspot)",
        tuple(headers),
        [tuple(cells) for cells in rows],
        numeric=frozenset(numeric),
    )


def _file_row(row: HotFile) -> list[Cell]:
    return [
        _c("*" if row.hotspot else ""),
        _c(row.path, row.hotspot),
        _c(f"{row.score:.1f}"),
        _c(row.revisions),
        _c(row.authors),
        _c(f"+{row.added}/-{row.deleted}"),
        _c(row.cognitive),
        _c(f"{row.debt_minutes / 60:.1f}"),
        _c(f"{row.main_developer} {row.share:.0%}"),
        _c(f"{row.age_months:.1f}"),
        _c(row.trend),
    ]


def _tables(report: HotspotsReport, top: int) -> list[Table]:
    limit = top or None
    files = _files_table(report.files[:limit])
    functions = Table(
        "Functions inside the hotspots",
        ("file", "function", "line", "changes", "cognitive", "cyclomatic", "debt min", "score"),
        [
            (
                _c(row.path),
                _c(row.qualname),
                _c(row.line),
                _c(row.changes),
                _c(row.cognitive),
                _c(row.cyclomatic),
                _c(f"{row.debt_minutes:.0f}"),
                _c(f"{row.score:.1f}"),
            )
            for row in report.functions[:limit]
        ],
        numeric=frozenset({2, 3, 4, 5, 6, 7}),
    )
    coupling = Table(
        "Change coupling (code-maat degree; huge commits left out)",
        ("file", "coupled with", "degree", "shared", "avg revisions"),
        [
            (
                _c(pair.first),
                _c(pair.second),
                _c(f"{pair.degree:.0%}"),
                _c(pair.shared),
                _c(f"{pair.average_revisions:.1f}"),
            )
            for pair in report.coupling[:limit]
        ],
        numeric=frozenset({2, 3, 4}),
    )
    owners = Table(
        "Ownership and age (most fragmented first)",
        ("file", "main developer", "share", "authors", "fragmentation", "revisions", "age mo"),
        [
            (
                _c(row.path),
                _c(row.main_developer),
                _c(f"{row.share:.0%}"),
                _c(row.authors),
                _c(f"{row.fragmentation:.2f}"),
                _c(row.revisions),
                _c(f"{row.age_months:.1f}"),
            )
            for row in report.ownership[:limit]
        ],
        numeric=frozenset({2, 3, 4, 5, 6}),
    )
    truck = Table(
        "Truck factor per module (Avelino et al.)",
        ("module", "truck factor", "files", "people"),
        [
            (
                _c(row.scope),
                _c(row.factor, row.factor <= 1),
                _c(row.files),
                _c(", ".join(row.people)),
            )
            for row in report.module_truck_factors[:limit]
        ],
        numeric=frozenset({1, 2}),
    )
    return [files, functions, coupling, owners, truck]


def _before(report: HotspotsReport) -> list[str]:
    tf = report.truck_factor
    lines = [
        f"{report.commits} non-merge commits read; {report.window_commits} in the window "
        f"({report.window}) by {report.authors} authors; {report.renames} renames followed",
        f"truck factor of the repository: {tf.factor}"
        + (f" ({', '.join(tf.people)})" if tf.people else "")
        + f" over {tf.files} files",
    ]
    if report.truncated:
        lines.append(f"history truncated at {report.truncated} commits (shallow clone)")
    return lines


def _after(report: HotspotsReport) -> list[str]:
    lines = []
    for row in report.hotspots:
        lines.append(f"why {row.path}: " + "; ".join(row.reasons))
    return lines + note_lines(report.notes)


def render_hotspots(report: HotspotsReport, top: int = 20, width: int | None = None) -> str:
    return render_report((_tables(report, top), _before(report), _after(report)), width)


def render_hotspots_markdown(report: HotspotsReport, top: int = 20) -> str:
    return md_tables("codehealth hotspots", _tables(report, top), _before(report), _after(report))


def render_hotspots_json(report: HotspotsReport, pretty: bool = False) -> str:
    return dataclass_json(report, HOTSPOTS_SCHEMA_VERSION, pretty)
