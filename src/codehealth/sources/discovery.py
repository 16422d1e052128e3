"""Which Python files make up the project: ``git ls-files`` in a work tree, a walk otherwise."""

from __future__ import annotations

import fnmatch
import os
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

from codehealth.config import ConfigError


@dataclass(frozen=True, slots=True)
class Discovery:
    """Relative '/'-separated paths of the files to analyse, and what was skipped and why."""

    files: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]  # (path, reason)
    in_git: bool


def discover(
    root: str,
    paths: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> Discovery:
    """Python files under ``root`` (or only under ``paths``), minus ``exclude`` globs.

    A pattern without ``/`` matches any path component (``build`` excludes every build
    folder); a pattern with ``/`` matches the whole relative path (``legacy/*.py``).
    """
    root = os.path.abspath(root)
    targets = [_relative_target(root, path) for path in paths]
    listed = _git_files(root, targets)
    skipped: list[tuple[str, str]] = []
    files = _walk(root, targets or ["."], skipped) if listed is None else listed
    matcher = _Excluder(exclude)
    kept = sorted({path for path in files if path.endswith(".py") and not matcher.excluded(path)})
    return Discovery(tuple(kept), tuple(skipped), listed is not None)


def _relative_target(root: str, path: str) -> str:
    absolute = os.path.abspath(os.path.join(root, path))
    if not os.path.exists(absolute) and not os.path.islink(absolute):
        raise ConfigError(f"{path}: no such file or directory")
    relative = os.path.relpath(absolute, root)
    if relative.startswith(".."):
        raise ConfigError(f"{path}: is outside the project root {root}")
    return relative.replace(os.sep, "/")


def _git_files(root: str, targets: list[str]) -> list[str] | None:
    """Tracked and untracked-but-not-ignored files, or None when ``root`` is not in git."""
    command = ["git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    command += ["--", *targets] if targets else []
    try:
        completed = subprocess.run(command, capture_output=True, check=False)
    except OSError:  # git is not installed
        return None
    if completed.returncode != 0:
        return None
    names = completed.stdout.decode("utf-8", "surrogateescape").split("\0")
    # ls-files prints paths relative to the work-tree folder given with -C.
    return [name for name in names if name]


def _walk(root: str, targets: list[str], skipped: list[tuple[str, str]]) -> list[str]:
    found: list[str] = []
    seen_dirs: set[tuple[int, int]] = set()
    for target in targets:
        start = os.path.join(root, target)
        if os.path.isfile(start):
            found.append(target)
            continue
        for folder, dirs, files in os.walk(start, followlinks=True, onerror=_note(skipped, root)):
            try:
                info = os.stat(folder)
            except OSError as error:
                skipped.append((_rel(root, folder), f"cannot be read: {error.strerror}"))
                dirs[:] = []
                continue
            identity = (info.st_dev, info.st_ino)
            if identity in seen_dirs:
                skipped.append((_rel(root, folder), "symbolic link loop: folder already visited"))
                dirs[:] = []
                continue
            seen_dirs.add(identity)
            dirs.sort()
            found.extend(_rel(root, os.path.join(folder, name)) for name in files)
    return found


def _note(skipped: list[tuple[str, str]], root: str):  # type: ignore[no-untyped-def]
    def record(error: OSError) -> None:
        name = error.filename if isinstance(error.filename, str) else str(error.filename)
        skipped.append((_rel(root, name), f"cannot be read: {error.strerror}"))

    return record


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
