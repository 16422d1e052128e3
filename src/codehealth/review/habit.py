"""Why a change of the past needed attention: its review reasons from what it touched (pure).

The reasons the history can give cheaply: SIZE (files and changed lines, counted as the gate
counts them: every touched file, binary files 0 lines), MODULE (an added ``__init__.py``),
HOTSPOT (see ``hotspots_before``); and from the contents of the touched Python files: API
(the exports of a touched ``__init__.py`` -- ``__all__``, else its public names, as the
boundaries package reads a package's API -- gained or lost a name) and DEPENDENCY (an import
from one module into another that no file of the first made before the change). Modules are
packages' dotted names cut to ``[tool.codehealth.history] module_depth`` parts.
"""

from __future__ import annotations

import ast
import posixpath
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from codehealth.boundaries import public_api_of, without_lazy
from codehealth.core import (
    API,
    DEPENDENCY,
    MODULE,
    SIZE,
    Commit,
    FileDiff,
    GateSettings,
    ReviewReason,
)
from codehealth.core.module_names import package_of, resolve_relative


@dataclass(frozen=True, slots=True)
class Source:
    """What the reasons need of one Python file: its exports when it is an ``__init__.py``
    (None when it does not parse), and the modules it imports (absolute dotted names)."""

    exports: frozenset[str] | None
    imports: frozenset[str]


def read_source(content: bytes, module: str, path: str) -> Source:
    """The exports and imports of one file's content (``module``: its dotted name)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(without_lazy(content))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return Source(None, frozenset())
    package = package_of(module, path)
    exports = None
    if posixpath.basename(path) == "__init__.py":
        api = public_api_of(tree, package, lambda _: None)
        exports = api.names if api.declared_all else api.names - _borrowed(tree, package)
    return Source(exports, frozenset(_imported(tree.body, package)))


def _borrowed(tree: ast.Module, package: str) -> frozenset[str]:
    """The names a package without ``__all__`` imports at top level from outside its own
    top-level package (``from typing import NamedTuple``): bound, but no API of its own."""
    top = package.partition(".")[0]
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            source = _names(node, package)
            if source and source[0].partition(".")[0] != top:
                names.update((alias.asname or alias.name).partition(".")[0] for alias in node.names)
    return frozenset(names)


_IMPORT_LINE = re.compile(
    rb"^[ \t]*(?:from[ \t]+[.\w]+[ \t]+import|import[ \t]+[^\n#;]*)", re.MULTILINE
)


def same_imports(before: bytes, after: bytes) -> bool:
    """Whether two contents have the same import lines (then the same imports: a cheap
    test that spares parsing the new side of most changes)."""
    return _IMPORT_LINE.findall(before) == _IMPORT_LINE.findall(after)


_BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")


def _imported(body: list[ast.stmt], package: str) -> set[str]:
    """The absolute names of the modules the statements import, at any depth. Only
    statements are visited (an import statement never hides in an expression): the whole
    syntax tree costs ten times more, on every blob of the history."""
    found: set[str] = set()
    work: list[list[Any]] = [body]
    while work:
        for node in work.pop():
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found.update(_names(node, package))
            else:
                work.extend(block for field in _BLOCKS if (block := getattr(node, field, None)))
    return found


def _names(node: ast.Import | ast.ImportFrom, package: str) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    name = resolve_relative(package, node.level, node.module) if node.level else node.module
    return [name] if name else []


def dotted_packages(paths: Iterable[str]) -> dict[str, str]:
    """Folder -> dotted package name for every folder holding an ``__init__.py``: the name
    starts at the topmost folder of the unbroken chain of packages (``src/shop/billing`` is
    ``shop.billing`` when ``src`` holds no ``__init__.py``)."""
    folders = {posixpath.dirname(p) for p in paths if posixpath.basename(p) == "__init__.py"}
    names: dict[str, str] = {}
    for folder in sorted(folders, key=len):
        if not folder:
            continue
        parent = posixpath.dirname(folder)
        base = posixpath.basename(folder)
        names[folder] = f"{names[parent]}.{base}" if parent in names else base
    return names


class Modules:
    """Files and dotted names -> the module they belong to (a package's dotted name cut to
    ``depth`` parts); "" for a file outside every package or a name outside the project."""

    def __init__(self, packages: Mapping[str, str], depth: int) -> None:
        self.packages = dict(packages)
        self._names = set(packages.values())
        self._depth = depth

    def dotted(self, path: str) -> str:
        """The dotted name of the module file ``path`` ("" outside every package)."""
        folder = posixpath.dirname(path)
        package = self.packages.get(folder)
        if package is None:
            return ""
        stem = posixpath.basename(path).removesuffix(".py")
        return package if stem == "__init__" else f"{package}.{stem}"

    def of_file(self, path: str) -> str:
        return self._cut(self.packages.get(posixpath.dirname(path), ""))

    def of_name(self, name: str) -> str:
        """The module of an imported name: its longest prefix that is a package, cut."""
        parts = name.split(".")
        for size in range(len(parts), 0, -1):
            prefix = ".".join(parts[:size])
            if prefix in self._names:
                return self._cut(prefix)
        return ""

    def _cut(self, name: str) -> str:
        return ".".join(name.split(".")[: self._depth]) if name else ""


def size_reason(files: int, lines: int, gate: GateSettings) -> ReviewReason | None:
    """SIZE when the change is above either of the gate's limits."""
    if files <= gate.max_changed_files and lines <= gate.max_changed_lines:
        return None
    text = (
        f"a large change ({files} files, {lines} changed lines; limits "
        f"{gate.max_changed_files} files, {gate.max_changed_lines} lines)"
    )
    return ReviewReason(SIZE, text)


def module_reasons(files: Iterable[FileDiff], packages: Mapping[str, str]) -> list[ReviewReason]:
    """MODULE for each package the change creates (an ``__init__.py`` added, not moved)."""
    return [
        ReviewReason(MODULE, f"new package {packages.get(posixpath.dirname(f.path), f.path)}")
        for f in files
        if f.status == "A" and posixpath.basename(f.path) == "__init__.py"
    ]


def api_reason(package: str, before: Source, after: Source) -> ReviewReason | None:
    """API when a package's exports gained or lost a name (both sides must parse)."""
    if before.exports is None or after.exports is None or before.exports == after.exports:
        return None
    words = []
    if after.exports - before.exports:
        words.append("added " + ", ".join(sorted(after.exports - before.exports)))
    if before.exports - after.exports:
        words.append("removed " + ", ".join(sorted(before.exports - after.exports)))
    return ReviewReason(API, f"public API of {package} changed ({'; '.join(words)})")


class Dependencies:
    """The dependencies between modules (module -> module, by any file), kept as the changes
    are walked oldest first: ``update`` returns the pairs a change made new."""

    def __init__(self, modules: Modules) -> None:
        self.modules = modules
        self._by_file: dict[str, frozenset[tuple[str, str]]] = {}
        self._count: Counter[tuple[str, str]] = Counter()

    def pairs(self, path: str, source: Source | None) -> frozenset[tuple[str, str]]:
        own = self.modules.of_file(path)
        if source is None or not own:
            return frozenset()
        targets = {self.modules.of_name(name) for name in source.imports}
        return frozenset((own, target) for target in targets if target and target != own)

    def update(self, path: str, source: Source | None) -> list[tuple[str, str]]:
        """Set the file's imports (None: deleted); the module pairs no file had before."""
        pairs = self.pairs(path, source)
        old = self._by_file.pop(path, frozenset())
        self._count.subtract(old)
        new = sorted(pair for pair in pairs - old if self._count[pair] <= 0)
        self._count.update(pairs)
        if pairs:
            self._by_file[path] = pairs
        return new


def dependency_reasons(pairs: Iterable[tuple[str, str]]) -> list[ReviewReason]:
    return [ReviewReason(DEPENDENCY, f"new dependency {a} -> {b}") for a, b in pairs]


MIN_REVISIONS = 3  # a file changed once or twice is no hotspot, however small the project


def hotspots_before(
    commits: Iterable[Commit],
    moment: float,
    window: float | None,
    top: int,
    ranked: Callable[[str], bool] = lambda path: True,
) -> dict[str, int]:
    """path -> rank (1 first) of the ``top`` files changed by the most commits (at least
    ``MIN_REVISIONS``) in the window before ``moment`` (all history before it when ``window``
    is None): the project's hotspots as a reviewer saw them then, read as the gate's review
    guidance reads them (commits only: the complexity of past versions is not measured).
    ``ranked``: the files that may be hotspots (test files are not). Ties go by path; a
    renamed file counts under each of its names."""
    counts = _commits_per_file(commits, None if window is None else moment - window, moment)
    often = [item for item in counts.items() if item[1] >= MIN_REVISIONS and ranked(item[0])]
    best = sorted(often, key=lambda item: (-item[1], item[0]))[:top]
    return {path: rank for rank, (path, _) in enumerate(best, 1)}


def _commits_per_file(commits: Iterable[Commit], start: float | None, end: float) -> Counter[str]:
    """How many of the commits from ``start`` (None: the first) until ``end`` changed each
    file."""
    counts: Counter[str] = Counter()
    for commit in commits:
        if commit.timestamp < end and (start is None or commit.timestamp >= start):
            counts.update({change.path for change in commit.changes})
    return counts
