"""``git log --raw --numstat -z`` of one main-line change parsed into FileDiffs."""

from __future__ import annotations

from codehealth.adapters.git.main_line import parse_diff
from codehealth.core import FileDiff

OLD, NEW, NULL = "1" * 40, "2" * 40, "0" * 40


def test_raw_entries_get_their_line_counts_renames_and_deletions_included() -> None:
    tokens = [
        f"\n:100644 100644 {OLD} {NEW} M".encode(),
        b"shop/fees.py",
        f":000000 100644 {NULL} {NEW} A".encode(),
        b"shop/tax/__init__.py",
        f":100644 000000 {OLD} {NULL} D".encode(),
        b"old.py",
        f":100644 100644 {OLD} {NEW} R090".encode(),
        b"a.py",
        b"b.py",
        f":160000 160000 {OLD} {NEW} M".encode(),
        b"vendor/lib",
        b"\n3\t1\tshop/fees.py",
        b"2\t0\tshop/tax/__init__.py",
        b"0\t9\told.py",
        b"1\t1\t",
        b"a.py",
        b"b.py",
        b"-\t-\tvendor/lib",
        b"",
    ]
    tokens[0] = tokens[0].lstrip(b"\n")  # split_record drops the header's line break
    tokens[11] = tokens[11].lstrip(b"\n")
    assert parse_diff(tokens) == (
        FileDiff("shop/fees.py", "M", "shop/fees.py", OLD, NEW, 3, 1),
        FileDiff("shop/tax/__init__.py", "A", "", "", NEW, 2, 0),
        FileDiff("old.py", "D", "old.py", OLD, "", 0, 9),
        FileDiff("b.py", "R", "a.py", OLD, NEW, 1, 1),
        FileDiff("vendor/lib", "M", "vendor/lib", "", "", -1, -1),  # a submodule: no blob
    )
