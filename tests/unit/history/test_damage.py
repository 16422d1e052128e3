"""Notes for blobs git cannot read: one per file, naming a blob, a commit and the fix."""

from __future__ import annotations

from codehealth.core import Unreadable
from codehealth.history import unreadable_notes

B1, B2, C1, C2 = "b" * 40, "d" * 40, "c" * 40, "e" * 40


def test_one_blob_in_one_commit() -> None:
    (note,) = unreadable_notes([Unreadable(B1, C1, "src/a.py")], "lines unknown")
    assert note.startswith(f"unreadable git object: src/a.py: blob {B1} (commit {C1}) ")
    assert "lines unknown" in note
    assert "`git fsck`" in note and "`git fetch --refetch`" in note and "fetch-depth: 0" in note


def test_one_blob_two_commits_and_two_blobs_per_file() -> None:
    notes = unreadable_notes(
        [
            Unreadable(B1, C2, "a.json"),
            Unreadable(B1, C1, "a.json"),
            Unreadable(B2, C1, "b.py"),
            Unreadable(B1, C1, "b.py"),
        ],
        "x",
    )
    assert len(notes) == 2
    assert f"a.json: blob {B1} (commit {C2}; 2 commits need it)" in notes[0]
    assert f"b.py: blob {B2} (commit {C1}; 2 blobs in 1 commits)" in notes[1]


def test_files_past_five_are_counted() -> None:
    items = [Unreadable(B1, C1, f"f{index}.py") for index in range(8)]
    notes = unreadable_notes(items, "x")
    assert len(notes) == 6
    assert [n.split(": ")[1] for n in notes[:5]] == [f"f{i}.py" for i in range(5)]
    assert notes[5].startswith("unreadable git objects in 3 more files: x; ")


def test_nothing_unreadable_no_note() -> None:
    assert unreadable_notes([], "x") == []
