"""Line counts (total = source + comment + docstring + blank; logical = statements) and the
maintainability index (radon's ``mi_compute`` over our own linear counts).

Every expected count is worked out by hand from the line-by-line notes in each case.
"""

from __future__ import annotations

import pytest
from radon.metrics import h_visit, mi_compute
from radon.visitors import ComplexityVisitor

from codehealth.core import FileMetrics, LineCounts
from codehealth.metrics import analyze_source


def measure(source: bytes) -> FileMetrics:
    result = analyze_source(source, "case.py")
    assert isinstance(result, FileMetrics), result
    return result


def counts(
    *, total: int, source: int, logical: int, comment: int, docstring: int, blank: int
) -> LineCounts:
    assert total == source + comment + docstring + blank, "a wrong expectation"
    return LineCounts(total, source, logical, comment, docstring, blank)


LINE_CASES = [
    pytest.param(
        b"", counts(total=0, source=0, logical=0, comment=0, docstring=0, blank=0), id="empty file"
    ),
    pytest.param(
        b"# header\n"  # comment
        b"import os  # inline\n"  # source
        b"\n"  # blank
        b"x = '# not a comment'\n"  # source
        b"    # an indented comment\n"  # comment
        b"y = 1  # a comment with 'quotes'\n",  # source
        counts(total=6, source=3, logical=3, comment=2, docstring=0, blank=1),
        id="comment lines and inline comments",
    ),
    pytest.param(
        b'"""One-line module docstring."""\n'  # docstring
        b"\n"  # blank
        b"def f():\n"  # source
        b'    """Multi-line\n'  # docstring
        b"\n"  # docstring (a blank line inside it)
        b"    # not a comment: still the docstring\n"  # docstring
        b'    """\n'  # docstring
        b"    return 1\n"  # source
        b"\n"  # blank
        b"class C:\n"  # source
        b"    '''Class docstring.'''\n",  # docstring
        counts(total=11, source=3, logical=6, comment=0, docstring=6, blank=2),
        id="docstrings one-line and multi-line",
    ),
    pytest.param(
        b"x = 1\n"  # source
        b'TEMPLATE = """\n'  # source
        b"\n"  # source: inside a string
        b"# not a comment\n"  # source: inside a string
        b'"""\n'  # source
        b"y = f'''{x}\n"  # source
        b"\n"  # source: inside an f-string
        b"'''\n"  # source
        b"def g():\n"  # source
        b"    x = 1\n"  # source
        b'    """not a docstring: not the first statement\n'  # source
        b'    """\n',  # source
        counts(total=12, source=12, logical=6, comment=0, docstring=0, blank=0),
        id="multi-line strings are source, blank and # lines included",
    ),
    pytest.param(
        b"\xef\xbb\xbf# a comment after a byte-order mark\n"  # comment
        b"x = 1\n",  # source
        counts(total=2, source=1, logical=1, comment=1, docstring=0, blank=0),
        id="BOM before a comment",
    ),
    pytest.param(
        b"\xef\xbb\xbf\n"  # blank
        b"x = 1\n",  # source
        counts(total=2, source=1, logical=1, comment=0, docstring=0, blank=1),
        id="BOM on a blank line",
    ),
    pytest.param(
        b'\xef\xbb\xbf"""Docstring after a BOM."""\n'  # docstring
        b"x = 1\n",  # source
        counts(total=2, source=1, logical=2, comment=0, docstring=1, blank=0),
        id="BOM before a docstring",
    ),
    pytest.param(
        b"# comment\r\n"  # comment
        b"\r\n"  # blank
        b"def f():\r\n"  # source
        b'    """Doc\r\n'  # docstring
        b'    string."""\r\n'  # docstring
        b"    s = '''a\r\n"  # source
        b"\r\n"  # source: inside a string
        b"'''\r\n"  # source
        b"    return s  # inline\r\n",  # source
        counts(total=9, source=5, logical=4, comment=1, docstring=2, blank=1),
        id="CRLF line endings",
    ),
    pytest.param(
        b"import os\n"  # source
        b"\x0c\n"  # blank: a form feed alone
        b"\x0c# a comment after a form feed\n"  # comment
        b"\x0cdef f():\n"  # source
        b"    return os\n",  # source
        counts(total=5, source=3, logical=3, comment=1, docstring=0, blank=1),
        id="form feeds",
    ),
    pytest.param(
        b"x = [\n"  # source
        b"    1,\n"  # source
        b"    # a comment inside brackets\n"  # comment
        b"\n"  # blank
        b"    2,\n"  # source
        b"]\n"  # source
        b"y = x \\\n"  # source
        b"    + x",  # source, no final newline
        counts(total=8, source=6, logical=2, comment=1, docstring=0, blank=1),
        id="comments and blank lines inside a bracket, continuation, no final newline",
    ),
    pytest.param(
        b"try:\n"
        b"    x = 1\n"
        b"except ValueError:\n"
        b"    x = 2\n"
        b"else:\n"
        b"    x = 3\n"
        b"finally:\n"
        b"    x = 4\n"
        b"if x: y = 1\n"
        b"elif x: y = 2\n"
        b"match x:\n"
        b"    case 1:\n"
        b"        pass\n",
        # statements: try, 4 assignments; if, y=1, elif, y=2; match, pass
        counts(total=13, source=13, logical=11, comment=0, docstring=0, blank=0),
        id="logical lines are statements: clauses are not",
    ),
]


@pytest.mark.parametrize(("source", "expected"), LINE_CASES)
def test_line_counts(source: bytes, expected: LineCounts) -> None:
    assert measure(source).lines == expected


def test_a_long_multi_line_literal_is_counted_in_linear_time() -> None:
    """radon.raw re-tokenizes per logical line (10.9 s on one 28 KB file of literals)."""
    body = b"".join(b"    '# not a comment %d',\n" % i for i in range(20000))
    source = b"DATA = [\n" + body + b"]\n"
    assert measure(source).lines == counts(
        total=20002, source=20002, logical=1, comment=0, docstring=0, blank=0
    )


MI_SOURCE = (
    b'"""Module docstring\n'  # docstring (multi-line: counts as comment for MI)
    b'on two lines."""\n'  # docstring
    b"# a comment\n"  # comment
    b"import os  # an inline comment\n"  # source, carries a comment
    b"\n"  # blank
    b'x = "#" + os.sep  # another\n'  # source, carries a comment after a "#" in a string
    b"\n"  # blank
    b"\n"  # blank
    b"def f(a):\n"  # source
    b'    return a + 1 if a else "# nope"\n'  # source, no comment: the # is in a string
)


def test_maintainability_index_is_radons_formula_over_our_counts() -> None:
    metrics = measure(MI_SOURCE)
    assert metrics.lines == counts(total=10, source=4, logical=5, comment=1, docstring=2, blank=3)
    # radon's comment share: comment lines (whole-line and inline) plus multi-line
    # docstring lines, over source lines: (1 + 2 + 2) / 4.
    text = MI_SOURCE.decode()
    expected = mi_compute(
        h_visit(text).total.volume,
        ComplexityVisitor.from_code(text).total_complexity,
        5,
        (1 + 2 + 2) / 4 * 100,
    )
    assert metrics.maintainability == pytest.approx(expected)
    assert metrics.maintainability_rank == "A"


def test_maintainability_index_one_line_docstring_is_not_a_comment() -> None:
    source = b'"""One line."""\nx = 1 + 2\ny = x * 3\n'
    metrics = measure(source)
    text = source.decode()
    expected = mi_compute(
        h_visit(text).total.volume, ComplexityVisitor.from_code(text).total_complexity, 3, 0.0
    )
    assert metrics.maintainability == pytest.approx(expected)


def test_maintainability_index_of_a_file_without_code_is_100() -> None:
    assert measure(b"# only a comment\n").maintainability == 100.0
