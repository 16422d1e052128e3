"""The change under review: the changed files between the two revisions (those the scan
analyses counted apart), its size, and the contents read at both sides."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from codehealth.adapters.git import (
    EMPTY_TREE,
    STAGED,
    WORKTREE,
    changes_and_lines,
    head_commit_or_none,
    merge_base,
    untracked_later,
)
from codehealth.core import ChangedFile, Settings
from codehealth.gate.contents_step import change_contents, counted, is_python
from codehealth.gate.proposed_step import placeholders, settled
from codehealth.gate.snapshots_step import ContentSource


@dataclass(frozen=True, slots=True)
class Change:
    """The change under review: its revisions, every changed file (``counted``: those the
    scan analyses), the changed lines and the contents read at both sides."""

    base: ContentSource
    target: ContentSource
    mode: str
    every_change: list[ChangedFile]
    lines: int
    changes: list[ChangedFile]
    # Python files the configuration excludes: not analysed, read for the boundary check
    uncounted: list[ChangedFile]
    before: dict[str, bytes | None]
    after: dict[str, bytes | None]
    keys: set[str]  # the counted files' head-side paths
    lines_of: dict[str, int]  # each changed file's lines added plus removed (head-side path)


def read_change(
    root: str, settings: Settings, base_ref: str | None, staged: bool, proposed: Mapping[str, bytes]
) -> Change:
    """The changed files between the revisions (``base_ref``'s merge base and the work tree,
    or ``staged``: HEAD and the index) and their contents; ``proposed`` stand in for files."""
    base, target, mode = _revisions(root, base_ref, staged)
    every_change, lines_of = _listed(root, (base, target), staged, proposed)
    every_change += placeholders(proposed)
    changes = [c for c in every_change if counted(c, settings)]
    uncounted = [c for c in every_change if is_python(c) and c not in changes]
    before, after = change_contents(root, base, target, [*changes, *uncounted])
    groups = (every_change, changes, uncounted)
    (every_change, changes, uncounted), proposed_lines = settled(proposed, (before, after), groups)
    lines_of.update(proposed_lines)
    # The size is that of the files counted: a 9,000-line JSON fixture is not hard to review
    lines = sum(lines_of.get(c.path or c.old_path, 0) for c in changes)
    keys = {c.path or c.old_path for c in changes}
    return Change(
        base, target, mode, every_change, lines, changes, uncounted, before, after, keys, lines_of
    )


def _listed(
    root: str, sides: tuple[ContentSource, ContentSource], staged: bool, proposed: Collection[str]
) -> tuple[list[ChangedFile], dict[str, int]]:
    """git's changed files between the two sides and their changed lines (the work tree's
    untracked files too; the proposed ones are the caller's)."""
    untracked = None if staged else untracked_later(root)  # slow on a large tree
    try:
        return changes_and_lines(root, sides[0].where, sides[1].where, untracked, proposed)
    finally:
        if untracked is not None:
            untracked()  # reaped also when git fails


def _revisions(
    root: str, base_ref: str | None, staged: bool
) -> tuple[ContentSource, ContentSource, str]:
    """(base, target, mode): HEAD and the index, or the merge base and the work tree."""
    if staged:
        head = head_commit_or_none(root)
        base = ContentSource("HEAD" if head else "nothing (first commit)", head or EMPTY_TREE)
        return base, ContentSource("staged", STAGED), "staged"
    commit = merge_base(root, base_ref or "HEAD")
    base = ContentSource(f"merge base {commit[:10]} of {base_ref}", commit)
    return base, ContentSource("work tree", WORKTREE), "base"
