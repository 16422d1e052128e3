"""The pieces of reading a history around unreadable blobs, on constructed git output."""

from __future__ import annotations

import json

from codehealth.adapters.git.damaged import _broken, _named_objects, _shape
from codehealth.core import Change, Commit, Unreadable
from codehealth.hotspots.commit_log import _built, _decode, _encode, _rows

A, B, C = "a" * 40, "b" * 40, "c" * 40
NULL = "0" * 40


def test_raw_entries_without_renames_keep_both_blobs() -> None:
    tokens = [
        f":100644 100644 {A} {B} M".encode(),
        b"src/m.py",
        f":000000 100644 {NULL} {C} A".encode(),
        "n\u00e9.py".encode(),
        f":160000 160000 {A} {B} M".encode(),  # a submodule: commits, not blobs
        b"vendor/lib",
        b"",
    ]
    assert _shape(tokens) == [
        (A, B, "M", "src/m.py"),
        (NULL, C, "A", "n\u00e9.py"),
        (NULL, NULL, "M", "vendor/lib"),
    ]


def test_a_change_is_broken_by_its_old_or_new_blob() -> None:
    changes = [(A, B, "M", "x.py"), (NULL, C, "A", "y.py"), (B, NULL, "D", "z.py")]
    assert _broken(changes, {B}) == [(B, "x.py"), (B, "z.py")]
    assert _broken(changes, {A, C}) == [(A, "x.py"), (C, "y.py")]
    assert _broken(changes, set()) == []


def test_the_object_named_in_a_git_message() -> None:
    assert _named_objects(f"git log failed: fatal: unable to read {A}") == {A}
    assert _named_objects("git log failed: fatal: bad object HEAD") == set()


def test_the_cached_log_keeps_what_could_not_be_read() -> None:
    commits = [Commit(C, "Ann", "a@x", 5, (Change("x.py", -1, -1), Change("y.py", 2, 1)))]
    unreadable = (Unreadable(B, C, "x.py"),)
    head, rows, kept = _decode(_encode(A, _rows(commits), unreadable))
    assert (head, _built(rows, None), kept) == (A, commits, unreadable)
    old = json.dumps({"head": A, "commits": [[C, "Ann", "a@x", 5, [["y.py", 2, 1, ""]]]]})
    head, rows, kept = _decode(old)
    assert (head, _built(rows, None), kept) == (
        A,
        [Commit(C, "Ann", "a@x", 5, (Change("y.py", 2, 1),))],
        (),
    )


def test_only_the_commits_since_are_built() -> None:
    rows = _rows([Commit(A, "Ann", "a@x", 9, ()), Commit(B, "Bob", "b@x", 3, ())])
    assert [c.sha for c in _built(rows, 5)] == [A]
    assert [c.sha for c in _built(rows, None)] == [A, B]
