"""Values from the analysed repository (file and author names, messages) in markdown: shown
as text, never as markup (a TODO saying ``<img onerror=...>`` or ``[x](javascript:...)``
stays those characters in a pull-request comment)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from codehealth.render.tables import Cell, Table

# Anything a renderer might take as the end of a line.
_BREAKS = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
# Characters CommonMark/GFM give meaning to inline (emphasis, code, links, HTML, tables,
# strikethrough, entities, autolinks); each may be backslash-escaped.
_SPECIAL = re.compile(r"([\\`*_\[\]()<>|~!#&:@{}])")


def md_text(value: str) -> str:
    """``value`` as literal markdown text on one line."""
    return _SPECIAL.sub(r"\\\1", _BREAKS.sub(" ", value))


def md_code(value: str, *, table: bool = False) -> str:
    """``value`` as an inline code span whose fence no backtick inside can close; ``table``:
    inside a GFM table cell, where a pipe must be escaped even in code."""
    value = _BREAKS.sub(" ", value)
    if table:
        value = value.replace("|", "\\|")
    longest = max((len(run) for run in re.findall("`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value[:1] in ("`", " ") or value[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def md_tables(
    title: str, tables: Sequence[Table], before: Sequence[str], after: Sequence[str]
) -> str:
    """A report of tables as GitHub-flavoured markdown: a heading, the lines ``before``,
    each table under its own heading, then the lines ``after``. The lines and the cells
    are shown as text (they hold the repository's names); titles and headers are the
    caller's own words."""
    out = [f"## {title}", "", *(f"{md_text(line)}  " for line in before), ""]
    for table in tables:
        out += [f"### {table.title}", ""]
        if not table.rows:
            out += ["(none)", ""]
            continue
        out.append("| " + " | ".join(table.headers) + " |")
        out.append(
            "|"
            + "|".join("---:" if i in table.numeric else "---" for i in range(len(table.headers)))
            + "|"
        )
        out += ["| " + " | ".join(_md_cell(cell) for cell in row) + " |" for row in table.rows]
        if table.footnote:
            out += ["", md_text(table.footnote)]
        out.append("")
    out += [f"- {md_text(line)}" for line in after]
    return "\n".join(out).rstrip() + "\n"


def _md_cell(cell: Cell) -> str:
    text = md_text(cell.text)
    return f"**{text}**" if cell.alert and text else text
