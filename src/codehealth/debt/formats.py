"""``codehealth debt`` as tables (plain or rich) and markdown (JSON: document.py)."""

from __future__ import annotations

from typing import Any

from codehealth.debt.covered import cover_cell
from codehealth.debt.report import Debt, DebtReport, Target
from codehealth.render import Cell, Table, md_code, md_text, render_plain, render_rich
from codehealth.version import __version__

_FAMILIES = ("lint", "complexity", "markers", "boundaries", "duplication")
_COVERED = (*_FAMILIES, "coverage")  # with coverage data: CH601's family


def _hours(minutes: float) -> str:
    return f"{minutes / 60:.2f}" if 0 < minutes < 60 else f"{minutes / 60:.1f}"


def _percent(ratio: float) -> str:
    return f"{ratio * 100:.1f}%"


def _headline(report: DebtReport) -> list[str]:
    p = report.project
    lines = [
        f"Technical debt: {_hours(p.minutes)} h ({p.findings} findings) over "
        f"{p.source_lines:,} source lines: debt ratio {_percent(p.ratio)}, rating {p.rating}",
        f"(ratio = remediation / (source lines x {report.minutes_per_line:g} min); "
        "A <= 5%, B <= 10%, C <= 20%, D <= 50%, E above)",
    ]
    test_line = _test_debt_line(report)
    lines += [test_line] if test_line else []
    lines += [f"INCOMPLETE: {problem}" for problem in report.incomplete]
    return lines


def _test_debt_line(report: DebtReport, bold: str = "") -> str:
    """The test debt, after the production debt: its hours and count, or that it is in."""
    t = report.test_debt
    if report.tests_counted:
        return "Test debt: counted in the debt above ([tool.codehealth.tests] in_debt = true)"
    if t is None or not t.findings:
        return ""  # no test debt: nothing to say
    return (
        f"Test debt: {bold}{_hours(t.minutes)} h{bold} ({t.findings} findings) of complexity "
        "and length in tests, not counted above ([tool.codehealth.tests] in_debt = true "
        "counts it)"
    )


def _family_cells(debt: Debt, families: tuple[str, ...]) -> tuple[Cell, ...]:
    minutes = dict(debt.by_family)
    return tuple(Cell(_hours(minutes.get(family, 0.0))) for family in families)


def _where(target: Target) -> str:
    return f"{target.path}:{target.line}" + (f" {target.symbol}" if target.symbol else "")


def debt_tables(report: DebtReport, top: int) -> tuple[list[Table], list[str], list[str]]:
    shown = f"top {top}" if top else "all"
    tables = [
        _module_table(report, top, shown),
        _file_table(report, top, shown),
        _fix_table(report),
        _marker_table(report),
    ]
    after = [f"note: {note}" for note in report.notes]
    return tables, _headline(report), after


def _cut(rows: list[Any], top: int) -> list[Any]:
    return rows[:top] if top else rows


def _module_table(report: DebtReport, top: int, shown: str) -> Table:
    families = _FAMILIES if report.coverage is None else _COVERED
    cover = () if report.coverage is None else ("cover",)
    return Table(
        f"Modules ({shown}, most debt first)",
        ("module", "debt h", "ratio", "rating", "findings", *families, *cover, "top contributors"),
        [
            (
                Cell(m.debt.name),
                Cell(_hours(m.debt.minutes)),
                Cell(_percent(m.debt.ratio)),
                Cell(m.debt.rating, m.debt.rating in ("D", "E")),
                Cell(str(m.debt.findings)),
                *_family_cells(m.debt, families),
                *cover_cell(report.coverage, m.debt.name),
                Cell(
                    ", ".join(f"{f.name} ({_hours(f.minutes)} h)" for f in m.top_files[:2]) or "-"
                ),
            )
            for m in _cut(list(report.modules), top)
        ],
        frozenset(range(1, 5 + len(families) + len(cover))) - {3},
    )


def _file_table(report: DebtReport, top: int, shown: str) -> Table:
    return Table(
        f"Files ({shown}, most debt first)",
        ("file", "debt h", "ratio", "rating", "findings", "source lines"),
        [
            (
                Cell(f.name),
                Cell(_hours(f.minutes)),
                Cell(_percent(f.ratio)),
                Cell(f.rating, f.rating in ("D", "E")),
                Cell(str(f.findings)),
                Cell(str(f.source_lines)),
            )
            for f in _cut([f for f in report.files if f.minutes], top)
        ],
        frozenset({1, 2, 4, 5}),
    )


def _fix_table(report: DebtReport) -> Table:
    return Table(
        "Fix first (most severe, then costliest)",
        ("where", "minutes", "severity", "rules", "fix"),
        [
            (
                Cell(_where(t)),
                Cell(f"{t.minutes:g}"),
                Cell(t.severity, t.severity in ("critical", "blocker")),
                Cell(", ".join(t.rules[:4]) + (" ..." if len(t.rules) > 4 else "")),
                Cell(t.fix),
            )
            for t in report.fix_first
        ],
        frozenset({1}),
    )


def _marker_table(report: DebtReport) -> Table:
    return Table(
        "Debt markers (TODO, FIXME, HACK, XXX, noqa, type: ignore, pragma: no cover)",
        ("rule", "count", "debt h", "first"),
        [
            (Cell(rule), Cell(str(count)), Cell(_hours(minutes)), Cell(first))
            for rule, count, minutes, first in _marker_rows(report)
        ],
        frozenset({1, 2}),
    )


def _marker_rows(report: DebtReport) -> list[tuple[str, int, float, str]]:
    """Per marker rule (CH2xx): how many, their minutes, and the first one's place."""
    rows: dict[str, list[Any]] = {}
    for f in report.findings:
        if f.rule.startswith("CH2"):
            row = rows.setdefault(f.rule, [0, 0.0, f"{f.path}:{f.line}"])
            row[0] += 1
            row[1] += f.remediation_minutes
    return [(rule, row[0], row[1], row[2]) for rule, row in sorted(rows.items())]


def render_debt_text(report: DebtReport, top: int = 10) -> str:
    return render_plain(*debt_tables(report, top))


def render_debt_rich(report: DebtReport, top: int, width: int) -> str:
    return render_rich(*debt_tables(report, top), width)


def render_debt_markdown(report: DebtReport, top: int = 10) -> str:
    p = report.project
    out = [
        "## Technical debt",
        "",
        f"**{_hours(p.minutes)} h** of remediation over {p.source_lines:,} source lines: "
        f"debt ratio **{_percent(p.ratio)}**, rating **{p.rating}** ({p.findings} findings).",
        "",
    ]
    out += _paragraph(_test_debt_line(report, "**"))
    for problem in report.incomplete:
        out += [f"> **Incomplete:** {md_text(problem)}", ""]
    out += [
        "| module | debt (h) | ratio | rating | findings | top contributors |",
        "| --- | ---: | ---: | :---: | ---: | --- |",
    ]
    for m in _cut(list(report.modules), top):
        contributors = ", ".join(
            f"{md_code(f.name, table=True)} ({_hours(f.minutes)} h)" for f in m.top_files
        )
        out.append(
            f"| {md_code(m.debt.name, table=True)} | {_hours(m.debt.minutes)} "
            f"| {_percent(m.debt.ratio)} | "
            f"{m.debt.rating} | {m.debt.findings} | {contributors or '-'} |"
        )
    markers = _marker_rows(report)
    if markers:
        counts = ", ".join(f"{rule} x{count}" for rule, count, _, _ in markers)
        out += ["", f"Debt markers: {counts}."]
    out += ["", "### Fix first", ""]
    for index, t in enumerate(report.fix_first, 1):
        out.append(
            f"{index}. {md_code(_where(t))}: {t.minutes:g} min, {t.severity} "
            f"({', '.join(t.rules)}): {md_text(t.fix)}"
        )
    if not report.fix_first:
        out.append("Nothing: no findings.")
    out += [
        "",
        f"<sub>debt ratio = remediation / (source lines x {report.minutes_per_line:g} min); "
        f"codehealth {__version__}</sub>",
    ]
    return "\n".join(out) + "\n"


def _paragraph(text: str) -> list[str]:
    return [text, ""] if text else []
