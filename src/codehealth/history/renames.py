"""Renames followed in one pass over the log: every change carries the file's name today."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from codehealth.core import Commit


def follow_renames(commits: Iterable[Commit]) -> Iterator[Commit]:
    """``commits`` newest first (as ``git log`` gives them). Walking back in time, a rename
    ``old -> new`` maps ``old`` to whatever ``new`` is called today, so a file renamed twice
    (a -> b -> c) has one history under ``c``; a name reused after a rename (a renamed to b,
    later a new a) keeps the two files apart, because the newer a is met first."""
    current: dict[str, str] = {}
    for commit in commits:
        renamed = False
        changes = []
        for change in commit.changes:
            today = current.get(change.path, change.path)
            if change.old_path:
                current[change.old_path] = today
            if today != change.path or change.old_path:
                renamed = True
                change = change._replace(path=today)
            changes.append(change)
        yield commit._replace(changes=tuple(changes)) if renamed else commit


def rename_map(commits: Iterable[Commit]) -> dict[str, str]:
    """old name -> name today, for every renamed file (``commits`` newest first)."""
    current: dict[str, str] = {}
    for commit in commits:
        for change in commit.changes:
            if change.old_path:
                current[change.old_path] = current.get(change.path, change.path)
    return current
