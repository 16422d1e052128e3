"""``git diff --raw --numstat -z`` parsed as git writes it (renames, binary files, deletions)."""

from __future__ import annotations

from codehealth.adapters.git import ChangedFile
from codehealth.adapters.git.revisions import parse_raw_numstat


def test_raw_and_numstat_records_together() -> None:
    output = (
        b":100644 100644 aaa bbb M\0a.py\0"
        b":100644 100644 ccc ddd R087\0old name.py\0new n\xc3\xa9.py\0"
        b":000000 100644 000 eee A\0added.py\0"
        b":100644 000000 fff 000 D\0gone.py\0"
        b":100644 100644 123 456 M\0logo.png\0"
        b"3\t1\ta.py\0"
        b"2\t2\t\0old name.py\0new n\xc3\xa9.py\0"
        b"5\t0\tadded.py\0"
        b"0\t7\tgone.py\0"
        b"-\t-\tlogo.png\0"
    )
    changes, lines = parse_raw_numstat(output)
    assert changes == [
        ChangedFile("M", "a.py", "a.py"),
        ChangedFile("R", "old name.py", "new né.py"),
        ChangedFile("A", "", "added.py"),
        ChangedFile("D", "gone.py", ""),
        ChangedFile("M", "logo.png", "logo.png"),
    ]
    assert lines == {"a.py": 4, "new né.py": 4, "added.py": 5, "gone.py": 7}


def test_no_change() -> None:
    assert parse_raw_numstat(b"") == ([], {})
