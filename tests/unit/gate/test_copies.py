"""The diff mapping the gate's duplication step uses to carry a base copy onto the head."""

from __future__ import annotations

from codehealth.gate.copies import file_diff

BASE = b"".join(b"line %d\n" % n for n in range(1, 11))


def test_an_added_file_is_all_added_and_maps_nothing() -> None:
    diff = file_diff(None, BASE)
    assert diff.added == frozenset(range(1, 11))


def test_base_lines_map_through_insertions_and_replacements() -> None:
    head = BASE.replace(b"line 3\n", b"new a\nnew b\nline 3\n").replace(b"line 7\n", b"seven\n")
    diff = file_diff(BASE, head)
    assert diff.added == {3, 4, 9}
    assert diff.to_head(1, 2) == {1, 2}
    assert diff.to_head(3, 6) == {5, 6, 7, 8}  # shifted by the two inserted lines
    assert diff.to_head(6, 8) == {8, 9, 10}  # the replaced line 7 is covered
    assert diff.to_head(2, 3) == {2, 5}  # the lines inserted between them are not
