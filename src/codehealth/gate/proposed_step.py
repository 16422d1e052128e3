"""The gate on proposed contents: the work tree as it would be with some files replaced,
none of them written (``codehealth mcp``'s ``gate`` on a planned edit).

The proposed files are left out of git's diff of the work tree and join the change as
edits, or as additions where the base lacks them; their changed lines are counted against
the base contents (git cannot count lines of contents it does not have).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping, Sequence

from codehealth.core import ChangedFile


def placeholders(proposed: Mapping[str, bytes]) -> list[ChangedFile]:
    """Each proposed file as an edit; ``settled`` makes those the base lacks additions."""
    return [ChangedFile("M", path, path) for path in sorted(proposed)]


def settled(
    proposed: Mapping[str, bytes],
    sides: tuple[dict[str, bytes | None], dict[str, bytes | None]],
    groups: Sequence[list[ChangedFile]],
) -> tuple[list[list[ChangedFile]], dict[str, int]]:
    """``groups`` with the proposed files the base lacks as additions and those equal to
    the base left out (no change), and the lines the proposal changes in each file.
    ``sides`` (read for the placeholders) get the proposed contents."""
    before, after = sides
    added = {path for path in proposed if before.get(path) is None}
    same = {path for path in proposed if before.get(path) == proposed[path]}
    for path in added:
        before.pop(path, None)
    after.update(proposed)

    def settle(c: ChangedFile) -> ChangedFile:
        return ChangedFile("A", "", c.path) if c.path in added else c

    fixed = [[settle(c) for c in group if c.path not in same] for group in groups]
    return fixed, {path: changed_lines(before.get(path), text) for path, text in proposed.items()}


def changed_lines(old: bytes | None, new: bytes) -> int:
    """Lines added plus lines removed from ``old`` (None: no file) to ``new``."""
    a, b = (old or b"").splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=True)
    return sum(
        (i2 - i1) + (j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )


def head_overrides(
    root: str, proposed: Mapping[str, bytes], changes: Sequence[ChangedFile]
) -> dict[str, bytes] | str:
    """The proposal as overrides of the work tree's files (absolute path -> content) for the
    whole-project boundary check of ``changes`` (one project's, in a workspace), or why it
    cannot be: the patched import graph holds the files that exist, so a proposed new file
    is not seen."""
    mine = {path: proposed[path] for path in {c.path for c in changes} if path in proposed}
    new = sorted(path for path in mine if not os.path.isfile(os.path.join(root, path)))
    if new:
        return (
            f"boundaries not compared: {', '.join(new)} would be new, and the import graph is "
            "patched for existing files only; write it, then run the gate on the work tree"
        )
    return {os.path.join(root, path): content for path, content in mine.items()}
