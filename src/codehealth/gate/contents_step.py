"""Which changed files the gate counts, and the touched files' contents at both sides of
the change, read from git objects (or the work tree), with the ``__init__.py`` of their
packages (for the public-API check)."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from codehealth.adapters.git import WORKTREE, read_blobs, read_worktree
from codehealth.core import ChangedFile, Settings
from codehealth.gate.snapshots_step import ContentSource

SOURCE_SUFFIXES = (".py", ".pyi")


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


def is_python(change: ChangedFile) -> bool:
    return any(path.endswith(SOURCE_SUFFIXES) for path in (change.path, change.old_path) if path)


def counted(change: ChangedFile, settings: Settings) -> bool:
    """A Python file the scan analyses: not excluded, and not in a hidden or vendored folder
    or generated (the scan's own predicate; the head of the work-tree copy is read)."""
    from codehealth.adapters.files import is_excluded, left_out

    exclude = settings.excluded_patterns
    return any(
        path.endswith(SOURCE_SUFFIXES)
        and not is_excluded(path, exclude)
        and left_out(settings.root, path, settings) is None
        for path in (change.path, change.old_path)
        if path
    )
