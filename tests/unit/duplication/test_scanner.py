"""The fast scanner gives exactly tokenize's normalised tokens, or lets tokenize decide."""

from __future__ import annotations

from pathlib import Path

import pytest

from codehealth.duplication.scanner import scanned_tokens
from codehealth.duplication.tokens import normalised_tokens

PROJECT = Path(__file__).parents[3]


def _tokens(value: object) -> tuple[list[int], list[int], list[int]]:
    return value.symbols, value.starts, value.ends  # type: ignore[attr-defined]


def test_the_project_own_files_scan_to_the_same_tokens() -> None:
    files = sorted((PROJECT / "src").rglob("*.py")) + sorted((PROJECT / "tests").rglob("*.py"))
    assert len(files) > 300
    compared = 0
    for path in files:
        source = path.read_bytes()
        fast, slow = scanned_tokens(source), normalised_tokens(source)
        if fast is None:
            continue
        assert not isinstance(slow, str), path
        assert _tokens(fast) == _tokens(slow), path
        compared += 1
    assert compared > 0.95 * len(files)


@pytest.mark.parametrize(
    "source",
    [
        b's = """one\n two\n"""\nx = rb\'\\\'\' + f"{a!r:>{w}}"\n',
        b"x = (1,\n  2)  # comment\ny = 0x_1F + 1_000.5e-3j + .5\n",
        b"from a import (b,\n  c)\n__all__ = ['b']\nz = a.__all__\n",
        b"if a:\n    b = [\n        c for c in d if c\n    ]\nelse:\n    e @= f ** -g\n",
        b"\xef\xbb\xbfx = 1\n",
        b"x = 1 \\\n    + 2\n",
    ],
    ids=["strings", "numbers", "dropped", "blocks", "bom", "continuation"],
)
def test_tricky_sources_scan_to_the_same_tokens(source: bytes) -> None:
    fast, slow = scanned_tokens(source), normalised_tokens(source)
    assert fast is not None and not isinstance(slow, str)
    assert _tokens(fast) == _tokens(slow)


@pytest.mark.parametrize(
    "source",
    [b"x = (1,\n", b"x = 'open\n", b"x = $y\n", b"# coding: latin-1\nx = '\xe9'\n", b"\xff\xfe"],
    ids=["unclosed", "unterminated", "unknown", "latin-1", "not-utf8"],
)
def test_what_it_is_not_sure_of_is_left_to_tokenize(source: bytes) -> None:
    assert scanned_tokens(source) is None
