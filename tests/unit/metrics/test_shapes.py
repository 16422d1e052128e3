"""The shapes (what coverage.py counts) are cached per content: a second join parses nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from codehealth.metrics import shapes
from codehealth.metrics.shapes import Shapes, ShapeSource, decode_shape, encode_shape, shape_of

SOURCE = b'"""Doc."""\ndef f(a):\n    if a:  # pragma: no branch\n        return (1 +\n  2)\n'


def test_a_shape_survives_its_encoding() -> None:
    shape = shape_of(SOURCE)
    assert shape is not None
    assert decode_shape(encode_shape(shape)) == shape
    with pytest.raises((ValueError, TypeError)):
        decode_shape('[["x"], [], [], [], []]')
    with pytest.raises((ValueError, TypeError)):
        decode_shape("[[1], [], [], []]")  # version 1's layout, without own_exits


def test_a_one_line_definition_keeps_its_own_exit_in_the_cache() -> None:
    shape = shape_of(b"def one(): return 1\none()\n")
    assert shape is not None and shape.own_exits == frozenset({1})
    assert decode_shape(encode_shape(shape)) == shape


def test_the_second_run_reads_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = Shapes({"a.py": SOURCE}, ShapeSource(str(tmp_path)))
    shape = first("a.py")
    assert first.close() == []

    def no_parse(*args: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(shapes, "shape_of", no_parse)
    second = Shapes({"a.py": SOURCE}, ShapeSource(str(tmp_path)))
    assert second("a.py") == shape
    second.close()
    other_patterns = Shapes({"a.py": SOURCE}, ShapeSource(str(tmp_path)), ((), ()))
    with pytest.raises(AssertionError, match="parsed again"):
        other_patterns("a.py")  # other exclusion patterns: another shape


def test_a_damaged_entry_is_computed_again(tmp_path: Path) -> None:
    first = Shapes({"a.py": SOURCE}, ShapeSource(str(tmp_path)))
    shape = first("a.py")
    first.close()
    with sqlite3.connect(tmp_path / "shapes.sqlite") as connection:
        assert connection.execute("update files set data = 'junk'").rowcount == 1
    connection.close()
    assert Shapes({"a.py": SOURCE}, ShapeSource(str(tmp_path)))("a.py") == shape


def test_a_shape_the_scan_computed_is_used_and_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    known = shape_of(SOURCE)
    assert known is not None

    def no_parse(*args: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(shapes, "shape_of", no_parse)
    given = Shapes({"a.py": SOURCE}, ShapeSource(str(tmp_path), {"a.py": known}))
    assert given("a.py") is known
    given.close()
    assert Shapes({"a.py": SOURCE}, ShapeSource(str(tmp_path)))("a.py") == known
    # computed with coverage.py's default patterns: not used for other ones
    other = Shapes({"a.py": SOURCE}, ShapeSource(None, {"a.py": known}), ((), ()))
    with pytest.raises(AssertionError, match="parsed again"):
        other("a.py")
