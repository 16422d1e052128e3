"""Tables as GitHub-flavoured markdown: values from the repository stay text."""

from __future__ import annotations

from codehealth.render import Cell, Table, md_tables


def test_a_table_with_a_pipe_and_markup_in_a_cell() -> None:
    table = Table(
        "Files",
        ("file", "score"),
        [(Cell("a|b.py", alert=True), Cell("1.0")), (Cell("<img src=x>"), Cell("2"))],
        numeric=frozenset({1}),
        footnote="a note",
    )
    text = md_tables("Report", [table, Table("Empty", ("x",), [])], ["before"], ["after"])
    lines = text.splitlines()
    assert lines[0] == "## Report"
    assert "before  " in lines
    assert "| file | score |" in lines and "|---|---:|" in lines
    assert r"| **a\|b.py** | 1.0 |" in lines  # alert in bold, the pipe cannot split the cell
    assert r"| \<img src=x\> | 2 |" in lines
    assert "a note" in lines
    empty = lines.index("### Empty")
    assert lines[empty + 2] == "(none)"
    assert lines[-1] == "- after"
