"""Notes for blobs git cannot read: per file, the first object and commit, and the fix."""

from __future__ import annotations

from collections.abc import Iterable

from codehealth.core import Unreadable

FIX = (
    "run `git fsck` to list the missing objects and `git fetch --refetch` to fetch them "
    "again (in CI: actions/checkout with `fetch-depth: 0`)"
)
_FILES = 5  # files named one by one; the rest are counted


def unreadable_notes(unreadable: Iterable[Unreadable], effect: str) -> list[str]:
    """One note per file (at most ``_FILES``, then how many more): how many of its versions
    cannot be read, the first object and the commit it was read for, ``effect`` and the fix."""
    per_path: dict[str, list[Unreadable]] = {}
    for item in unreadable:
        per_path.setdefault(item.path, []).append(item)
    notes: list[str] = []
    for path, items in list(per_path.items())[:_FILES]:
        blobs = {item.blob for item in items}
        commits = {item.commit for item in items}
        first = items[0]
        more = ""
        if len(blobs) > 1:
            more = f"; {len(blobs)} blobs in {len(commits)} commits"
        elif len(commits) > 1:
            more = f"; {len(commits)} commits need it"
        notes.append(
            f"unreadable git object: {path}: blob {first.blob} (commit {first.commit}{more}) "
            f"cannot be read from this clone: {effect}; {FIX}"
        )
    rest = len(per_path) - _FILES
    if rest > 0:
        notes.append(f"unreadable git objects in {rest} more files: {effect}; {FIX}")
    return notes
