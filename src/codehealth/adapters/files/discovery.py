"""Which Python files make up the project: ``git ls-files`` in a work tree, a walk otherwise."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from codehealth.adapters.files.reading import read_head
from codehealth.adapters.git import listed_files
from codehealth.core import HEAD_BYTES, ConfigError, Settings, generated_marker, skipped_folder


@dataclass(frozen=True, slots=True)
class Discovery:
    """Relative '/'-separated paths of the files to analyse, and what was skipped and why.

    ``skipped``: what could not be read (always worth a note); ``left_out``: the hidden and
    vendored folders (``.semgrep/``, ``vendor/``) left out by default, once each (--verbose).
    """

    files: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]  # (path, reason)
    in_git: bool
    left_out: tuple[tuple[str, str], ...] = ()  # (folder + "/", reason)
    named: tuple[str, ...] = ()  # the paths given, relative to the root


def discover(
    root: str,
    paths: Sequence[str] = (),
    exclude: Sequence[str] = (),
    *,
    hidden: bool = True,
    vendored: bool = True,
) -> Discovery:
    """Python files under ``root`` (or only under ``paths``), minus ``exclude`` globs and
    (``hidden``, ``vendored``) the files in hidden and vendored folders.

    A pattern without ``/`` matches any path component (``build`` excludes every build
    folder); a pattern with ``/`` matches the whole relative path (``legacy/*.py``). A
    hidden or vendored folder named in ``paths`` (or holding a file named there) is
    analysed, as ruff treats explicit paths; folders inside it are judged again.
    """
    root = os.path.abspath(root)
    targets = [_relative_target(root, path) for path in paths]
    listed = listed_files(root, targets)
    skipped: list[tuple[str, str]] = []
    files = _candidates(root, targets, listed, skipped)
    matcher = _Excluder(exclude)
    kept = sorted({path for path in files if path.endswith(".py") and not matcher.excluded(path)})
    kept, left_out = _leave_out(kept, targets, hidden, vendored)
    return Discovery(tuple(kept), tuple(skipped), listed is not None, left_out, tuple(targets))


def _candidates(
    root: str, targets: list[str], listed: list[str] | None, skipped: list[tuple[str, str]]
) -> list[str]:
    """The files git lists (``listed``), else those found walking the folders; the walk
    adds to ``skipped`` what it skipped and why (unreadable, a link loop)."""
    if listed is None:
        return _walk(root, targets or ["."], skipped)
    # A path named on the command line is analysed even when git ignores it (as ruff
    # does): git lists nothing under it, so walk it.
    ignored = [t for t in targets if not any(_under(f, t) for f in listed)]
    return listed + _walk(root, ignored, skipped) if ignored else listed


def _leave_out(
    files: list[str], targets: list[str], hidden: bool, vendored: bool
) -> tuple[list[str], tuple[tuple[str, str], ...]]:
    """``files`` without those in hidden or vendored folders below the explicit targets,
    and those folders (each once, with its reason)."""
    if not (hidden or vendored):
        return files, ()
    # The most specific target holding a file decides which of its folders were named.
    prefixes = sorted((t.rstrip("/") + "/" for t in targets if t != "."), key=len, reverse=True)
    kept: list[str] = []
    left_out: dict[str, str] = {}
    for path in files:
        if path in targets:
            kept.append(path)
            continue
        base = next((p for p in prefixes if path.startswith(p)), "")
        found = skipped_folder(path[len(base) :], hidden, vendored)
        if found is None:
            kept.append(path)
        else:
            left_out.setdefault(base + found[0], found[1])
    return kept, tuple(sorted(left_out.items()))


def _under(path: str, target: str) -> bool:
    return target == "." or path == target or path.startswith(target.rstrip("/") + "/")


def _relative_target(root: str, path: str) -> str:
    absolute = os.path.abspath(os.path.join(root, path))
    if not os.path.exists(absolute) and not os.path.islink(absolute):
        raise ConfigError(f"{path}: no such file or directory")
    relative = os.path.relpath(absolute, root)
    if relative.startswith(".."):
        raise ConfigError(f"{path}: is outside the project root {root}")
    return relative.replace(os.sep, "/")


def _walk(root: str, targets: list[str], skipped: list[tuple[str, str]]) -> list[str]:
    """Python files below each target. Symbolic links to folders are followed, except one
    that leads back to a folder on the way down (a loop): that is skipped with a note."""
    found: list[str] = []
    for target in targets:
        start = os.path.join(root, target)
        if os.path.isfile(start):
            found.append(target)
            continue
        prefix = "" if target == "." else target.rstrip("/") + "/"
        stack: list[_Folder] = [(start, prefix, (os.path.realpath(start),))]
        while stack:
            stack.extend(_scan_folder(stack.pop(), found, skipped))
    return found


_Folder = tuple[str, str, tuple[str, ...]]  # (path, relative path + "/", real paths down to it)


def _scan_folder(
    folder: _Folder, found: list[str], skipped: list[tuple[str, str]]
) -> list[_Folder]:
    """Add the folder's Python files to ``found``; return its subfolders to visit."""
    path, relative, ancestors = folder
    try:
        entries = sorted(os.scandir(path), key=lambda entry: entry.name)
    except OSError as error:
        skipped.append((relative.rstrip("/") or ".", f"cannot be read: {error.strerror}"))
        return []
    subfolders: list[_Folder] = []
    for entry in entries:
        try:
            real = _folder_target(entry, ancestors)
        except OSError as error:
            skipped.append((relative + entry.name, f"cannot be read: {error.strerror}"))
            continue
        if real is None:
            if entry.name.endswith(".py"):
                found.append(relative + entry.name)
        elif real in ancestors:
            skipped.append((relative + entry.name, "symbolic link loop: not followed"))
        else:
            subfolders.append((entry.path, relative + entry.name + "/", (*ancestors, real)))
    return subfolders


def _folder_target(entry: os.DirEntry[str], ancestors: tuple[str, ...]) -> str | None:
    """The real path of a folder (through a symbolic link too); None for anything else."""
    if entry.is_dir(follow_symlinks=False):
        return ancestors[-1] + os.sep + entry.name
    if entry.is_symlink() and entry.is_dir():
        return os.path.realpath(entry.path)
    return None


def _rel(root: str, path: str) -> str:
    return os.path.relpath(path, root).replace(os.sep, "/")


class _Excluder:
    """Exclude globs compiled once; component verdicts cached (paths share most of them)."""

    def __init__(self, patterns: Sequence[str]) -> None:
        components = [p for p in patterns if "/" not in p]
        whole_paths = [p.rstrip("/") for p in patterns if "/" in p]
        whole_paths += [p + "/*" for p in whole_paths]
        self.component = _compile(components)
        self.whole_path = _compile(whole_paths)
        self.verdicts: dict[str, bool] = {}

    def excluded(self, path: str) -> bool:
        if self.component is not None:
            verdicts = self.verdicts
            for part in path.split("/"):
                verdict = verdicts.get(part)
                if verdict is None:
                    verdict = verdicts[part] = self.component.match(part) is not None
                if verdict:
                    return True
        return self.whole_path is not None and self.whole_path.match(path) is not None


def _compile(patterns: Sequence[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns))


def is_excluded(path: str, exclude: Sequence[str]) -> bool:
    """Whether the exclude globs (as ``discover`` reads them) leave ``path`` out."""
    return _Excluder(exclude).excluded(path)


def excluder(exclude: Sequence[str]) -> Callable[[str], bool]:
    """``is_excluded`` for many paths: the globs compiled once."""
    return _Excluder(exclude).excluded


def left_out(root: str, path: str, settings: Settings) -> str | None:
    """Why the scan leaves ``path`` out by default (a hidden or vendored folder holds it, or
    the first bytes of the file at ``root``/``path`` say it is generated), or None. For a
    caller that judges one path at a time (the gate); the scan judges content it has read.
    """
    found = skipped_folder(path, settings.exclude_hidden, settings.exclude_vendored)
    if found is not None:
        return found[1]
    if not settings.exclude_generated:
        return None
    try:
        head = read_head(os.path.join(root, path), HEAD_BYTES)
    except OSError:  # deleted, not readable, or a FIFO: judged by its path alone
        return None
    return generated_marker(head)
