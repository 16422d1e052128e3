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
from collections.abc import Iterable, Mapping, Sequence


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
        return self._by_suffix(path)

    def _candidates(self, path: str) -> Iterable[str]:
        if posixpath.isabs(path):
            yield from (_under(path, base) for base in (self.root, *self.roots))
            return
        yield path
        for base in self.roots:
            full = _normal(posixpath.join(base, path))
            yield _under(full, self.root) if posixpath.isabs(full) else full

    def _by_suffix(self, path: str) -> str | None:
        parts = path.strip("/").split("/")
        candidates = self._by_name.get(parts[-1], ())
        best: list[str] = []
        best_length = 0
        for candidate in candidates:
            length = _common_tail(parts, candidate.split("/"))
            if length > best_length:
                best, best_length = [candidate], length
            elif length == best_length:
                best.append(candidate)
        return best[0] if len(best) == 1 else None


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
    """coverage.py's globs: ``*`` within a component, ``**/`` (or a leading ``*/``) any
    folders. A relative pattern may match after any folder, as coverage.py makes it
    absolute from wherever it ran."""
    parts = []
    for token in re.split(r"(\*\*/?|\*|\?)", glob):
        if token.startswith("**"):
            parts.append("(?:.*/)?" if token.endswith("/") else ".*")
        elif token == "*":
            parts.append("[^/]*")
        elif token == "?":
            parts.append("[^/]")
        else:
            parts.append(re.escape(token))
    regex = "".join(parts)
    if glob.startswith("*/"):
        regex = "(?:.*/)?" + regex[len("[^/]*/") :]
    elif not glob.startswith(("/", "*")):
        regex = "(?:.*/)?" + regex
    return re.compile(f"{regex}(?=/|$)")
