"""Each revision described as the work tree with a few files standing in: the gate's
whole-project boundary check without copying a revision out of git.

``revision_overrides`` returns, per revision, the contents that stand in for the work
tree's files, or None for a revision that needs a copy.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from codehealth.adapters.files import read_file
from codehealth.adapters.git import STAGED, ChangedFile, read_blobs, unstaged_python_edits

_SOURCE = (".py", ".pyi")

_Overrides = tuple[dict[str, bytes] | None, dict[str, bytes] | None]


def revision_overrides(
    root: str,
    changes: Sequence[ChangedFile],
    sides: tuple[Mapping[str, bytes | None], Mapping[str, bytes | None]],
    staged: bool,
) -> _Overrides:
    """How to describe each revision as the work tree with some files standing in (for the
    whole-project check without a copy of the revision), or None for a revision that needs
    a copy: a Python file added, deleted or renamed, one not read, or (``--staged``) the
    work tree differing from the index by more than edits."""
    edited = _edited_contents(root, changes, sides)
    if edited is None:
        return None, None
    base, head = edited
    if not staged:
        return base, None  # the head is the work tree itself
    return _staged_overrides(root, sides[1], base, head)


def _edited_contents(
    root: str,
    changes: Sequence[ChangedFile],
    sides: tuple[Mapping[str, bytes | None], Mapping[str, bytes | None]],
) -> tuple[dict[str, bytes], dict[str, bytes]] | None:
    """(base, head) contents of the edited Python files by absolute path; None when one was
    added, deleted or renamed, or is not readable at both revisions."""
    edited = [c for c in changes if (c.path or c.old_path).endswith(_SOURCE)]
    if any(c.status != "M" for c in edited):
        return None
    base: dict[str, bytes] = {}
    head: dict[str, bytes] = {}
    for change in edited:
        before, after = sides[0].get(change.path), sides[1].get(change.path)
        if before is None or after is None:
            return None
        base[os.path.join(root, change.path)] = before
        head[os.path.join(root, change.path)] = after
    return base, head


def _staged_overrides(
    root: str,
    staged_side: Mapping[str, bytes | None],
    base: dict[str, bytes],
    head: dict[str, bytes],
) -> _Overrides:
    """``--staged``: the files edited in the work tree but not staged stand in as the index
    holds them, at both revisions (not staged: the same at HEAD)."""
    unstaged = unstaged_python_edits(root)
    if unstaged is None:
        return None, None
    index = read_blobs(root, STAGED, [path for path in unstaged if path not in staged_side])
    for path, content in index.items():
        if content is None:
            return None, None
        base.setdefault(os.path.join(root, path), content)  # the same at HEAD: not staged
        head.setdefault(os.path.join(root, path), content)
    # A staged file with no further edit is on disk as staged: the index is then the work
    # tree itself, whose report is cached.
    return base, {path: content for path, content in head.items() if _on_disk(path) != content}


def _on_disk(path: str) -> bytes | None:
    try:
        return read_file(path)
    except OSError:  # deleted, unreadable, or a FIFO
        return None
