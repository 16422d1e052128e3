"""Boundary results of a change at the cost of the change: the gate's fast path.

The public-API rule (CH301-CH304, CH307) and the inline ignores (CH308, CH309) of a file
depend only on that file's imports and on project facts that an edit of existing files
cannot move unless it changes a module's public API: the module map, the list of modules,
the configuration. So when every change is an edit of an existing file and no module's
API changed, the rule is checked on the touched files alone, at both revisions, with the
same code as ``codehealth boundaries``. Contracts and cycles can only break when an import
is added (removing imports cannot break a contract or close a cycle): when no touched file
imports anything it did not import before, they are not computed.

``local_boundaries`` returns the findings of both revisions, or a string saying why the
change reaches further (an import added, a module's API changed, a file added...): then
the caller compares whole-project results.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from codehealth.config import ConfigError, Settings
from codehealth.model import Finding
from codehealth.sources import STAGED, ChangedFile, read_blobs

_SOURCE = (".py", ".pyi")
_GRAPH_RULES = ("CH305", "CH306")  # contracts and cycles: not seen by the local check


@dataclass(frozen=True)
class _Project:
    """The modules of the project as grimp lists them, and the module map."""

    root: str  # the project root (settings.root), absolute
    paths: dict[str, str]  # module -> absolute path
    found: set[Any]  # grimp's FoundPackage of each root package
    mapping: Any  # codehealth.boundaries.ModuleMap


def local_boundaries(
    root: str,
    settings: Settings,
    changes: Sequence[ChangedFile],
    sides: tuple[Mapping[str, bytes | None], Mapping[str, bytes | None]],
    staged: bool,
) -> tuple[list[Finding], list[Finding]] | str:
    """(base findings, head findings) of the touched files, or why the whole project must
    be compared. ``changes``: every changed file (not only the counted ones); ``sides``:
    the contents at base and head, keyed by repository-relative path (touched files and
    their packages' ``__init__.py``)."""
    edited = [c for c in changes if (c.path or c.old_path).endswith(_SOURCE)]
    if any(c.status != "M" for c in edited):
        return "a Python file was added, deleted or renamed"
    try:
        view = _project(root, settings, staged)
    except ConfigError as error:
        return str(error)
    if isinstance(view, str):
        return view
    touched: dict[str, str] = {}
    for change in edited:
        module = view.module_of(os.path.join(root, change.path))
        if module is not None:
            touched[module] = change.path
        elif _imports_changed(change.path, sides):
            return f"{change.path}: outside the checked packages, its imports changed"
    scans = []
    for side in sides:
        scanned = _scan(view, {module: side.get(path) for module, path in touched.items()})
        if isinstance(scanned, str):
            return scanned
        scans.append(scanned)
    added = _added_edges(scans[0], scans[1])
    if added:
        return added
    results = []
    apis = []
    for side, scanned in zip(sides, scans, strict=True):
        reader = _reader(root, view, side, staged)
        found = _check(view, settings, touched, side, scanned, reader)
        if isinstance(found, str):
            return found
        results.append(found[0])
        apis.append(found[1])
    if apis[0] != apis[1]:
        return "a module's public API changed"
    config = _config_path(settings)
    allowed = [{f.fingerprint for f in found if f.path == config} for found in results]
    if allowed[1] - allowed[0]:
        return "an allow-list entry may no longer be used"
    base, head = ([f for f in found if f.path != config] for found in results)
    return base, head


def _project(root: str, settings: Settings, staged: bool) -> _ProjectView | str:
    from codehealth.app.boundaries_graph import GraphFiles, list_modules
    from codehealth.app.boundaries_project import module_map, root_package_folders

    folders = root_package_folders(settings)
    files = GraphFiles()
    paths = {m: os.path.abspath(p) for m, p in list_modules(folders, files).items()}
    if staged and _index_differs(root, sorted(folders.values())):
        return "the work tree holds Python files the index does not (or the reverse)"
    packages = {m for m, p in paths.items() if os.path.basename(p) == "__init__.py"}
    mapping = module_map(settings, tuple(sorted(folders)), packages, set(paths))
    project = _Project(os.path.abspath(settings.root), paths, set(files.found.values()), mapping)
    return _ProjectView(project)


class _ProjectView:
    """A project with its reverse index (path -> module)."""

    def __init__(self, project: _Project) -> None:
        self.project = project
        self.by_path = {path: module for module, path in project.paths.items()}

    def module_of(self, path: str) -> str | None:
        return self.by_path.get(os.path.abspath(path))

    def relative(self, path: str) -> str:
        return os.path.relpath(path, self.project.root).replace(os.sep, "/")


def _index_differs(root: str, folders: list[str]) -> bool:
    """Untracked or deleted Python files in the package folders: the work tree's module list
    (which grimp reads) is then not the index's."""
    import subprocess

    listing = ["ls-files", "-z", "--others", "--deleted", "--exclude-standard", "--"]
    completed = subprocess.run(
        ["git", "-C", root, *listing, *folders],
        capture_output=True,
        check=False,
    )
    if completed.returncode != 0:
        return True
    return any(name.endswith((b".py", b".pyi")) for name in completed.stdout.split(b"\0"))


def _imports_changed(path: str, sides: tuple[Mapping[str, bytes | None], ...]) -> bool:
    import ast

    from codehealth.boundaries import file_facts

    facts = []
    for side in sides:
        content = side.get(path)
        if content is None:
            return True
        try:
            facts.append(file_facts(ast.parse(content), content))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return True
    return not facts[0].same_imports(facts[1])


def _scan(
    view: _ProjectView, contents: Mapping[str, bytes | None]
) -> dict[tuple[str, bool], set[Any]] | str:
    """grimp's imports of the given modules (module -> content, not read from the work
    tree), with and without those under ``TYPE_CHECKING``, external ones included: the
    same scanner, so the same imports, as the whole-project graph."""
    from codehealth.app.boundaries_overrides import OverrideError, scan_contents

    given = {module: content for module, content in contents.items() if content is not None}
    if len(given) != len(contents):
        return "not readable at both revisions"
    try:
        return scan_contents(view.project.found, view.project.paths, given)
    except OverrideError as error:
        return str(error)


def _added_edges(
    before: dict[tuple[str, bool], set[Any]], after: dict[tuple[str, bool], set[Any]]
) -> str:
    """What a head version imports that its base version did not (any import, external ones
    and those under ``TYPE_CHECKING`` included: every contract's graph); "" if none."""
    for key, new in sorted(after.items()):
        known = {(item.imported.name, item.line_contents) for item in before.get(key, set())}
        for item in sorted(new, key=lambda i: i.line_number):
            if (item.imported.name, item.line_contents) not in known:
                path = item.importer.name
                return f"{path}: a new import of {item.imported.name} (line {item.line_number})"
    return ""


def _reader(
    root: str, view: _ProjectView, side: Mapping[str, bytes | None], staged: bool
) -> Callable[[str], bytes | None]:
    """Contents of the project's files at one revision, by project-relative path: the
    touched files and their packages from ``side``, any other from the work tree (the
    same at both revisions when the change is all edits) or, for ``--staged``, the index."""
    memo: dict[str, bytes | None] = {}
    project_root = view.project.root

    def read(path: str) -> bytes | None:
        if path in memo:
            return memo[path]
        absolute = os.path.join(project_root, path)
        key = os.path.relpath(absolute, root).replace(os.sep, "/")
        if key in side:
            memo[path] = side[key]
        elif staged:
            memo[path] = read_blobs(root, STAGED, [key]).get(key)
        else:
            try:
                with open(absolute, "rb") as handle:
                    memo[path] = handle.read()
            except OSError:
                memo[path] = None
        return memo[path]

    if staged:  # the modules' __init__.py are read by every check: one git process
        inits = [
            os.path.relpath(view.project.paths[m], root).replace(os.sep, "/")
            for m in view.project.mapping.modules
            if m in view.project.paths
        ]
        wanted = [key for key in inits if key not in side]
        for key, content in read_blobs(root, STAGED, wanted).items():
            memo[view.relative(os.path.join(root, key))] = content
    return read


def _check(
    view: _ProjectView,
    settings: Settings,
    touched: dict[str, str],
    side: Mapping[str, bytes | None],
    scanned: dict[tuple[str, bool], set[Any]],
    read: Callable[[str], bytes | None],
) -> tuple[list[Finding], dict[str, tuple[frozenset[str], bool, frozenset[str]]]] | str:
    """The public-API rule on the touched modules at one revision, as ``codehealth
    boundaries`` computes it (same analysis, ignores, fingerprints), and every module's API."""
    from codehealth.app.boundaries import _finish
    from codehealth.app.boundaries_project import not_importer
    from codehealth.boundaries import BOUNDARY_RULES, ProjectFacts, analyse, apply_ignores

    project = view.project
    exclude_tc = settings.boundaries.allow_type_checking
    imports: list[tuple[str, str, int]] = []
    sources: dict[str, bytes] = {}
    for module, path in touched.items():
        sources[view.relative(project.paths[module])] = side.get(path) or b""
        imports.extend(
            (module, item.imported.name, item.line_number)
            for item in scanned[(module, exclude_tc)]
            if item.imported.name in project.paths
        )
    boundaries = settings.boundaries
    facts = ProjectFacts(
        files={m: view.relative(p) for m, p in project.paths.items()},
        imports=sorted(imports),
        read=read,
        test_patterns=boundaries.test_patterns if boundaries.exclude_tests else (),
        only=frozenset(touched),
        not_importer=not_importer(settings, read),
    )
    analysis = analyse(facts, project.mapping)
    if any(
        rule in _GRAPH_RULES
        for items in analysis.ignores.values()
        for i in items
        for rule in i.rules
    ):
        return "an inline ignore names a contract or cycle rule"
    config = _config_path(settings)
    kept, _ = apply_ignores(
        analysis.violations,
        analysis.ignores,
        boundaries.allow,
        (config, _lines(os.path.join(project.root, config))),
        BOUNDARY_RULES,
    )
    finished = _finish(kept, sources, project.root, analysis.lines)
    apis = {
        name: (api.names, api.declared_all, api.reexports) for name, api in analysis.apis.items()
    }
    return [violation.finding for violation in finished], apis


def _config_path(settings: Settings) -> str:
    path = settings.config_file or os.path.join(settings.root, "pyproject.toml")
    return os.path.relpath(path, settings.root).replace(os.sep, "/")


def _lines(path: str) -> list[str]:
    try:
        with open(path, "rb") as handle:
            return handle.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return []


def revision_overrides(
    root: str,
    changes: Sequence[ChangedFile],
    sides: tuple[Mapping[str, bytes | None], Mapping[str, bytes | None]],
    staged: bool,
) -> tuple[dict[str, bytes] | None, dict[str, bytes] | None]:
    """How to describe each revision as the work tree with some files standing in (for the
    whole-project check without a copy of the revision), or None for a revision that needs
    a copy: a Python file added, deleted or renamed, one not read, or (``--staged``) the
    work tree differing from the index by more than edits."""
    edited = [c for c in changes if (c.path or c.old_path).endswith(_SOURCE)]
    if any(c.status != "M" for c in edited):
        return None, None
    base: dict[str, bytes] = {}
    head: dict[str, bytes] = {}
    for change in edited:
        before, after = sides[0].get(change.path), sides[1].get(change.path)
        if before is None or after is None:
            return None, None
        base[os.path.join(root, change.path)] = before
        head[os.path.join(root, change.path)] = after
    if not staged:
        return base, None  # the head is the work tree itself
    unstaged = _unstaged_edits(root)
    if unstaged is None:
        return None, None
    index = read_blobs(root, STAGED, [path for path in unstaged if path not in sides[1]])
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
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _unstaged_edits(root: str) -> list[str] | None:
    """Python files edited in the work tree and not staged; None when a Python file is
    untracked, or added or deleted without being staged (then the module list differs)."""
    import subprocess

    commands = (
        ["diff", "--name-status", "-z", "--no-ext-diff", "--no-renames"],
        ["ls-files", "-z", "--others", "--exclude-standard"],
    )
    outputs = []
    for command in commands:
        completed = subprocess.run(["git", "-C", root, *command], capture_output=True, check=False)
        if completed.returncode != 0:
            return None
        outputs.append(completed.stdout.split(b"\0"))
    if any(name.endswith((b".py", b".pyi")) for name in outputs[1]):
        return None
    fields = outputs[0]
    edited = []
    for status, name in zip(fields[0::2], fields[1::2], strict=False):
        if not name.endswith((b".py", b".pyi")):
            continue
        if status != b"M":
            return None
        edited.append(name.decode("utf-8", "surrogateescape"))
    return edited
