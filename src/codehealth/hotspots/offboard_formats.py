"""``hotspots --offboard`` as text tables, markdown and JSON."""

from __future__ import annotations

from codehealth.hotspots.offboard import AtRiskFile, Offboarding
from codehealth.render import Cell, Table, dataclass_json, md_tables, note_lines, render_report

OFFBOARD_SCHEMA_VERSION = 1
NO_ONE_ELSE = "no one else"


def _c(text: object, alert: bool = False) -> Cell:
    return Cell(str(text), alert)


def _who_else(row: AtRiskFile) -> str:
    return ", ".join(f"{e.name} {e.share:.0%}" for e in row.experts) or NO_ONE_ELSE


def _tables(result: Offboarding, top: int) -> list[Table]:
    limit = top or None
    files = Table(
        "Files that lose their main author, hottest first (* = hotspot)",
        ("", "file", "rank", "score", "main author", "leaving share", "lines", "who else knows it"),
        [
            (
                _c("*" if row.hotspot else ""),
                _c(row.path, row.hotspot),
                _c(row.rank or "-"),
                _c(f"{row.score:.1f}"),
                _c(row.main_developer),
                _c(f"{row.share:.0%}"),
                _c(row.lines),
                _c(_who_else(row), not row.experts),
            )
            for row in result.files[:limit]
        ],
        numeric=frozenset({2, 3, 5, 6}),
        footnote="rank: place among the files changed in the window (-: not changed in it)",
    )
    modules = Table(
        "Modules: the share of their source lines whose main author leaves",
        ("module", "share", "files", "lines"),
        [
            (
                _c(row.module, row.share >= 0.5),
                _c(f"{row.share:.0%}"),
                _c(f"{row.files}/{row.total_files}"),
                _c(f"{row.lines}/{row.total_lines}"),
            )
            for row in result.modules[:limit]
        ],
        numeric=frozenset({1, 2, 3}),
    )
    return [files, modules]


def _before(result: Offboarding) -> list[str]:
    lines = [f"leaving: {leaver.given} = {', '.join(leaver.names)}" for leaver in result.leavers]
    orphaned = sum(1 for row in result.files if not row.experts)
    lines.append(
        f"{len(result.files)} of {result.total_files} files lose their main author "
        f"({orphaned} with no one else who changed them); ownership over all of history, "
        f"hotspot rank over the window ({result.window})"
    )
    return lines


def _after(result: Offboarding) -> list[str]:
    return note_lines(result.notes)


def render_offboard(result: Offboarding, top: int = 20, width: int | None = None) -> str:
    return render_report((_tables(result, top), _before(result), _after(result)), width)


def render_offboard_markdown(result: Offboarding, top: int = 20) -> str:
    title = "codehealth hotspots --offboard: knowledge at risk"
    return md_tables(title, _tables(result, top), _before(result), _after(result))


def render_offboard_json(result: Offboarding, pretty: bool = False) -> str:
    return dataclass_json(result, OFFBOARD_SCHEMA_VERSION, pretty)
