"""The touched files' contents at both sides of the change, read from git objects (or the
work tree), with the ``__init__.py`` of their packages (for the public-API check)."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from codehealth.adapters.git import WORKTREE, read_blobs, read_worktree
from codehealth.core import ChangedFile
from codehealth.gate.snapshots_step import ContentSource


def _packages(paths: Sequence[str]) -> set[str]:
    """The ``__init__.py`` of the package holding each path (and of each package itself)."""
    inits: set[str] = set()
    for path in paths:
        folder = posixpath.dirname(path)
        inits.add(posixpath.join(folder, "__init__.py") if folder else "__init__.py")
    return inits


def change_contents(
    root: str, base: ContentSource, target: ContentSource, changes: Sequence[ChangedFile]
) -> tuple[dict[str, bytes | None], dict[str, bytes | None]]:
    """path -> bytes at each side, keyed by the HEAD-side path (base contents of a renamed
    file under its new name), plus the packages' ``__init__.py`` under their own names."""
    old_paths = [c.old_path for c in changes if c.old_path]
    new_paths = [c.path for c in changes if c.path]
    base_read = read_blobs(root, base.where, [*old_paths, *_packages(old_paths)])
    wanted = [*new_paths, *_packages(new_paths)]
    if target.where == WORKTREE:
        after = read_worktree(root, wanted)
    else:
        after = read_blobs(root, target.where, wanted)
    before: dict[str, bytes | None] = {}
    for change in changes:
        if change.old_path:
            before[change.path or change.old_path] = base_read.get(change.old_path)
    for init in _packages(old_paths):
        before.setdefault(init, base_read.get(init))
    return before, after
