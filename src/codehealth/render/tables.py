"""A format-neutral table, and its two renderings: plain text and rich (ANSI) text."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    alert: bool = False  # beyond a threshold: highlighted on a terminal, marked "!" in text


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: Sequence[tuple[Cell, ...]]
    numeric: frozenset[int] = field(default_factory=frozenset)  # right-aligned columns
    footnote: str = ""


# A cell or a line is one line: a line break or another control character in it comes from
# the analysed repository (a file name) and is shown escaped, so it can neither break the
# table nor reach a terminal or a CI log as a command.
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(text: str) -> str:
    """``text`` on one line, its control characters escaped (\\n, \\r, \\t, \\xNN)."""
    return _CONTROL.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


def render_plain(tables: list[Table], lines_before: list[str], lines_after: list[str]) -> str:
    lines_before = list(map(shown, lines_before))
    lines_after = list(map(shown, lines_after))
    out: list[str] = [*lines_before]
    for table in tables:
        if out:
            out.append("")
        out.append(table.title)
        out.extend(_plain_body(table))
    if lines_after:
        out.append("")
        out.extend(lines_after)
    return "\n".join(out) + "\n"


def _plain_body(table: Table) -> list[str]:
    """The lines of one table under its title: headers, a rule, the rows and the footnote
    (alerts marked "!"), or "(none)"."""
    if not table.rows:
        return ["  (none)"]
    cells = [[shown(c.text) + ("!" if c.alert else "") for c in row] for row in table.rows]
    widths = _widths(table.headers, cells)
    out = [_plain_row(list(table.headers), widths, table.numeric)]
    out.append("  ".join("-" * width for width in widths))
    out.extend(_plain_row(row, widths, table.numeric) for row in cells)
    if table.footnote:
        out.append(table.footnote)
    return out


def _widths(headers: Sequence[str], cells: list[list[str]]) -> list[int]:
    """Each column's width: its longest header or cell."""
    widths = [len(h) for h in headers]
    for row in cells:
        for index, text in enumerate(row):
            widths[index] = max(widths[index], len(text))
    return widths


def _plain_row(texts: list[str], widths: list[int], numeric: frozenset[int]) -> str:
    parts = [
        text.rjust(width) if index in numeric else text.ljust(width)
        for index, (text, width) in enumerate(zip(texts, widths, strict=True))
    ]
    return "  ".join(parts).rstrip()


def render_rich(
    tables: list[Table], lines_before: list[str], lines_after: list[str], width: int
) -> str:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table as RichTable

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=width, highlight=False)
    for line in lines_before:
        console.print(escape(shown(line)))
    for table in tables:
        rich_table = RichTable(title=table.title, title_justify="left", caption=table.footnote)
        for index, header in enumerate(table.headers):
            rich_table.add_column(header, justify="right" if index in table.numeric else "left")
        for row in table.rows:
            rich_table.add_row(
                *(
                    f"[bold red]{escape(shown(c.text))}[/]" if c.alert else escape(shown(c.text))
                    for c in row
                )
            )
        if not table.rows:
            rich_table.add_row(*(["(none)"] + [""] * (len(table.headers) - 1)))
        console.print(rich_table)
    for line in lines_after:
        console.print(escape(shown(line)))
    return buffer.getvalue()


Report = tuple[list[Table], list[str], list[str]]  # tables, lines before, lines after


def render_report(report: Report, width: int | None) -> str:
    """Plain text, or rich tables ``width`` wide (a terminal's; None in a pipe)."""
    return render_plain(*report) if width is None else render_rich(*report, width=width)


def note_lines(notes: Iterable[str]) -> list[str]:
    """The lines a report's notes take under its tables (``note: ...``), the same everywhere."""
    return [f"note: {note}" for note in notes]
