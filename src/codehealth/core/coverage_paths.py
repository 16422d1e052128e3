"""Paths in coverage data -> paths of the project (relative to its root, with '/').

Data is often written elsewhere: in a CI runner's checkout folder,
in a container, on Windows, or with coverage.py's ``relative_files``. The order of tries:

1. coverage.py's ``[paths]`` remapping: a path starting with one of a group's later entries
   (globs allowed) is rewritten to start with the group's first entry;
2. a path under the project root (or relative, under one of the data's ``roots``, or under
   the root itself) is that file;
3. otherwise the longest run of trailing path components that names exactly one project
   file (``C:\\ci\\build\\shop\\cart.py`` -> ``shop/cart.py``); a tie names no file.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping, Sequence


def _normal(path: str) -> str:
    path = path.replace("\\", "/")
    if re.match(r"^[A-Za-z]:/", path):  # a Windows drive: C:/work/app -> /work/app
        path = path[2:]
    return posixpath.normpath(path) if path else path


class PathMapper:
    """Maps the data's paths to ``project`` paths (relative, '/')."""

    def __init__(
        self,
        root: str,
        project: Iterable[str],
        roots: Sequence[str] = (),
        remap: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.root = _normal(root)
        self.project = frozenset(project)
        self.roots = tuple(_normal(r) for r in roots)
        self._aliases = _aliases(remap or {})
        self._by_name: dict[str, list[str]] = {}
        for path in self.project:
            self._by_name.setdefault(posixpath.basename(path), []).append(path)

    def map(self, data_path: str) -> str | None:
        """The project file ``data_path`` names, or None."""
        path = _normal(data_path)
        for pattern, canonical in self._aliases:
            match = pattern.match(path)
            if match:
                path = _normal(canonical + path[match.end() :])
                break
        for candidate in self._candidates(path):
            if candidate in self.project:
                return candidate
        return self._by_suffix(self._rooted(path))

    def _candidates(self, path: str) -> Iterable[str]:
        if posixpath.isabs(path):
            yield from (_under(path, base) for base in (self.root, *self.roots))
            return
        yield path
        for base in self.roots:
            full = _normal(posixpath.join(base, path))
            yield _under(full, self.root) if posixpath.isabs(full) else full

    def _rooted(self, path: str) -> list[str]:
        """A relative path and its forms under the data's roots (Cobertura's ``<source>``
        of another machine: ``/ci/app/pkg`` + ``__init__.py`` names ``pkg/__init__.py``)."""
        if posixpath.isabs(path):
            return [path]
        return [path, *(_normal(posixpath.join(base, path)) for base in self.roots)]

    def _by_suffix(self, paths: Sequence[str]) -> str | None:
        """The project file sharing the longest run of trailing components with any of
        ``paths``; None on a tie."""
        best: set[str] = set()
        best_length = 0
        for path in paths:
            parts = path.strip("/").split("/")
            for candidate in self._by_name.get(parts[-1], ()):
                length = _common_tail(parts, candidate.split("/"))
                if length > best_length:
                    best, best_length = {candidate}, length
                elif length == best_length:
                    best.add(candidate)
        return next(iter(best)) if len(best) == 1 else None


def _under(path: str, base: str) -> str:
    """``path`` relative to ``base`` when it is beneath it, else '' (no project file)."""
    if base and (path == base or path.startswith(base.rstrip("/") + "/")):
        return path[len(base.rstrip("/")) + 1 :]
    return ""


def _common_tail(left: Sequence[str], right: Sequence[str]) -> int:
    count = 0
    for a, b in zip(reversed(left), reversed(right), strict=False):
        if a != b:
            break
        count += 1
    return count


def _aliases(remap: Mapping[str, Sequence[str]]) -> list[tuple[re.Pattern[str], str]]:
    """coverage.py's ``[paths]``: each group's first entry is where the files are; the
    others are where they were measured."""
    aliases = []
    for entries in remap.values():
        if len(entries) < 2:
            continue
        canonical = _normal(entries[0]).rstrip("/")
        for entry in entries[1:]:
            aliases.append((_glob_regex(_normal(entry).rstrip("/")), canonical))
    return aliases


def _glob_regex(glob: str) -> re.Pattern[str]:
    """A ``[paths]`` entry: it matches the start of a path. A relative pattern may match
    after any folder, as coverage.py makes it absolute from wherever it ran."""
    regex = glob_regex(glob)
    if not glob.startswith(("/", "*")):
        regex = "(?:.*/)?" + regex
    return re.compile(f"{regex}(?=/|$)")


def glob_regex(glob: str) -> str:
    """coverage.py's file-path globs as a regular expression: ``*`` and ``?`` within a
    folder name, ``**/`` (and a leading ``*/``) any folders, a trailing ``/*`` anything."""
    parts = []
    position = 0
    while position < len(glob):
        for token, replacement in _GLOB_TOKENS:
            found = token.match(glob, position)
            if found:
                parts.append(replacement if replacement is not None else re.escape(found[0]))
                position = found.end()
                break
    return "".join(parts)


_GLOB_TOKENS = [
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^\*+/", "(?:.*/)?"),
        (r"/\*+$", "/.*"),
        (r"\*\*/", "(?:.*/)?"),
        (r"\*+", "[^/]*"),
        (r"\?", "[^/]"),
        (r"[\s\S]", None),
    )
]


def measured_by(
    root: str, source: Sequence[str], include: Sequence[str], omit: Sequence[str]
) -> Callable[[str], bool]:
    """Whether coverage.py's ``[run] source``/``include``/``omit`` (and ``[report]``'s)
    measure a project file (relative path); everything when none is set."""
    base = _normal(root).rstrip("/")

    def absolute(pattern: str) -> str:
        pattern = _normal(pattern)
        return pattern if pattern.startswith(("/", "*")) else f"{base}/{pattern}"

    omitted = [re.compile(glob_regex(absolute(p)) + r"\Z") for p in omit]
    included = [re.compile(glob_regex(absolute(p)) + r"\Z") for p in include]
    folders = [_normal(s.replace(".", "/") if "/" not in s and "." in s else s) for s in source]

    def measured(path: str) -> bool:
        full = f"{base}/{path}"
        if any(regex.match(full) for regex in omitted):
            return False
        if included and not any(regex.match(full) for regex in included):
            return False
        return not folders or any(f"/{folder.strip('/')}/" in f"/{path}" for folder in folders)

    return measured
