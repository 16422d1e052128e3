"""Debt markers: found in comments only, never in strings or docstrings."""

from __future__ import annotations

import sys

import pytest

import codehealth.findings.markers as markers
from codehealth.findings import find_markers


def codes(source: str) -> list[tuple[str, int]]:
    return [(hit.code, hit.line) for hit in find_markers(source.encode())]


def test_a_file_without_candidates_is_not_split(monkeypatch: pytest.MonkeyPatch) -> None:
    from codehealth.findings.markers import is_candidate

    def fail(*args: object) -> None:
        raise AssertionError("split a file with no candidate")

    monkeypatch.setattr(markers, "_split", fail)
    assert find_markers(b"x = 1\n# an ordinary comment\n") == []
    assert is_candidate(b"x = 1  # NoQa\n")


def test_tags_in_comments_only() -> None:
    source = '''
s = "# TODO not a comment"
t = """
# FIXME inside a multi-line string
"""
x = 1  # TODO: real
# FIXME broken
# HACK around it
# XXX check
y = "XXX"  # todo in lower case is not a tag
# a TODO in the middle of prose is not a tag either (ruff and pylint agree)
z = 2  # noqa: E501 # FIXME: a comment within a comment
'''
    assert codes(source) == [
        ("CH201", 6),
        ("CH202", 7),
        ("CH203", 8),
        ("CH204", 9),
        ("CH202", 12),
        ("CH206", 12),
    ]


@pytest.mark.parametrize(
    "comment, expected",
    [
        ("# noqa", "CH205"),
        ("# NOQA", "CH205"),
        ("#noqa", "CH205"),
        ("# flake8: noqa", "CH205"),
        ("# ruff: noqa", "CH205"),
        ("# noqa: E501", "CH206"),
        ("# noqa:E501,F401", "CH206"),
        ("# type: ignore", "CH207"),
        # rule-specific, a documented decision apart from the blanket kind (issue 13)
        ("# type: ignore[attr-defined]", "CH209"),
        ("# pragma: no cover", "CH208"),
        ("# pragma no cover", "CH208"),
    ],
)
def test_suppressions(comment: str, expected: str) -> None:
    assert codes(f"x = 1  {comment}\n") == [(expected, 1)]


def test_two_markers_in_one_comment() -> None:
    assert codes("x = f()  # type: ignore  # noqa: E501\n") == [("CH206", 1), ("CH207", 1)]


def test_specific_noqa_lists_its_codes() -> None:
    (hit,) = find_markers(b"import os, sys  # noqa: E401,F401\n")
    assert "E401, F401" in hit.message


def test_a_file_tokenize_rejects_still_gets_its_comment_markers() -> None:
    source = b"def broken(:\n    pass  # TODO: fix the syntax\n'''unterminated\n"
    assert [hit.code for hit in find_markers(source)] == ["CH201"]


def test_the_fast_comment_scan_agrees_with_tokenize() -> None:
    """The regex split of strings and comments against the reference, on tricky sources
    and on every rule test case."""
    from pathlib import Path

    from codehealth.findings.markers import _comments, comments_by_tokenize

    tricky = [
        b'x = "a # b"  # c\n',
        b"s = '''\n# not\n'''  # yes\n",
        b's = r"\\"  # after a raw backslash\n',
        b"b = rb'#' + f'{x!r:#>4}'  # fmt\n",
        b'u = "\\"# still string"  # real\n',
        b"# \xc3\xa9t\xc3\xa9 accents\nname = '\xc3\xa9'  # col\n",
        b'def f():\n    """Doc # not a comment."""\n    return 1  # TODO\n',
    ]
    cases = Path(__file__).resolve().parents[2] / "rules"
    tricky += [path.read_bytes() for path in sorted(cases.glob("*/*.py"))]
    for source in tricky:
        expected = [
            (line, column, text.rstrip()) for line, column, text in comments_by_tokenize(source)
        ]
        assert _comments(source) == expected, source


@pytest.mark.skipif(sys.version_info < (3, 12), reason="needs Python 3.12+ f-strings")
def test_new_f_strings_with_their_own_quotes_inside() -> None:
    source = 'x = f"{d["# FIXME not a comment"]}"  # TODO: real\n'
    assert codes(source) == [("CH201", 1)]
