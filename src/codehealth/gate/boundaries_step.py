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

import contextlib
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from codehealth.adapters.files import read_file
from codehealth.adapters.git import STAGED, RevisionFiles
from codehealth.core import ChangedFile, ConfigError, Finding, Settings
from codehealth.gate.import_changes import (
    Scanned,
    Sides,
    added_edges,
    added_references,
    imports_changed,
    scan_imports,
)
from codehealth.gate.project_step import ProjectView, project_view, revision_reader

_SOURCE = (".py", ".pyi")
_GRAPH_RULES = ("CH305", "CH306")  # contracts and cycles: not seen by the local check


_Apis = dict[str, tuple[frozenset[str], bool, frozenset[str]]]


def local_boundaries(
    root: str,
    settings: Settings,
    changes: Sequence[ChangedFile],
    sides: Sides,
    staged: bool,
) -> tuple[list[Finding], list[Finding]] | str:
    """(base findings, head findings) of the touched files, or why the whole project must
    be compared. ``changes``: every changed file (not only the counted ones); ``sides``:
    the contents at base and head, keyed by repository-relative path (touched files and
    their packages' ``__init__.py``)."""
    edited = _edited_python_files(changes)
    if edited is None:
        return "a Python file was added, deleted or renamed"
    view = _project_or_why(root, settings, staged)
    if isinstance(view, str):
        return view
    touched = _touched_modules(root, view, edited, sides)
    if isinstance(touched, str):
        return touched
    scans = _scans(view, touched, sides, settings.boundaries.annotations_are_type_only)
    if isinstance(scans, str):
        return scans
    added = added_edges(scans[0], scans[1]) or added_references(touched, sides)
    if added:
        return added
    checked = _checked_sides(_Local(root, view, settings, touched, staged), sides, scans)
    if isinstance(checked, str):
        return checked
    return _without_allow_list(settings, checked)


def _edited_python_files(changes: Sequence[ChangedFile]) -> list[ChangedFile] | None:
    """The changed Python files, or None when one was added, deleted or renamed."""
    edited = [c for c in changes if (c.path or c.old_path).endswith(_SOURCE)]
    if any(c.status != "M" for c in edited):
        return None
    return edited


def _project_or_why(root: str, settings: Settings, staged: bool) -> ProjectView | str:
    """The project's modules, or why they cannot be listed (a configuration error)."""
    try:
        return project_view(root, settings, staged)
    except ConfigError as error:
        return str(error)


@dataclass(frozen=True, slots=True)
class _Local:
    """What the check of the touched modules needs at either revision."""

    root: str  # the repository root
    view: ProjectView
    settings: Settings
    touched: dict[str, str]  # module -> repository-relative path
    staged: bool


def _touched_modules(
    root: str, view: ProjectView, edited: Sequence[ChangedFile], sides: Sides
) -> dict[str, str] | str:
    """module -> path of each edited file in the checked packages; why not, when a file
    outside them changed its imports."""
    touched: dict[str, str] = {}
    for change in edited:
        module = view.module_of(os.path.join(root, change.path))
        if module is not None:
            touched[module] = change.path
        elif imports_changed(change.path, sides):
            return f"{change.path}: outside the checked packages, its imports changed"
    return touched


def _scans(
    view: ProjectView, touched: dict[str, str], sides: Sides, annotations: bool
) -> list[Scanned] | str:
    """grimp's imports of the touched modules at each revision (see ``_scan``)."""
    scans = []
    for side in sides:
        contents = {module: side.get(path) for module, path in touched.items()}
        scanned = scan_imports(view, contents, annotations)
        if isinstance(scanned, str):
            return scanned
        scans.append(scanned)
    return scans


def _checked_sides(local: _Local, sides: Sides, scans: list[Scanned]) -> list[list[Finding]] | str:
    """The findings of the touched modules at each revision; why not, when the check
    cannot be local (an ignore of a graph rule, a module's public API changed)."""
    results = []
    apis = []
    index = RevisionFiles(local.root, STAGED) if local.staged else None
    with index or contextlib.nullcontext():
        for side, scanned in zip(sides, scans, strict=True):
            read = revision_reader(local.root, local.view, side, index)
            found = _check(local, side, scanned, read)
            if isinstance(found, str):
                return found
            results.append(found[0])
            apis.append(found[1])
    if apis[0] != apis[1]:
        return "a module's public API changed"
    return results


def _without_allow_list(
    settings: Settings, results: list[list[Finding]]
) -> tuple[list[Finding], list[Finding]] | str:
    """Both revisions' findings without those on the configuration (unused allow-list
    entries), or why not: the head may leave an entry unused that the base used."""
    config = _config_path(settings)
    allowed = [{f.fingerprint for f in found if f.path == config} for found in results]
    if allowed[1] - allowed[0]:
        return "an allow-list entry may no longer be used"
    base, head = ([f for f in found if f.path != config] for found in results)
    return base, head


def _check(
    local: _Local,
    side: Mapping[str, bytes | None],
    scanned: Scanned,
    read: Callable[[str], bytes | None],
) -> tuple[list[Finding], _Apis] | str:
    """The public-API rule on the touched modules at one revision, as ``codehealth
    boundaries`` computes it (same analysis, ignores, fingerprints), and every module's API."""
    from codehealth.boundaries import (
        BOUNDARY_RULES,
        ProjectFacts,
        analyse,
        apply_ignores,
        finish_violations,
        not_importer,
    )

    project = local.view.project
    settings = local.settings
    sources, imports = _touched_sources(local, side, scanned)
    boundaries = settings.boundaries
    facts = ProjectFacts(
        files=local.view.files,
        imports=sorted(imports),
        read=read,
        test_patterns=boundaries.test_patterns if boundaries.exclude_tests else (),
        only=frozenset(local.touched),
        not_importer=not_importer(settings, read),
    )
    analysis = analyse(facts, project.mapping)
    if _ignores_graph_rule(analysis.ignores):
        return "an inline ignore names a contract or cycle rule"
    config = _config_path(settings)
    kept, _ = apply_ignores(
        analysis.violations,
        analysis.ignores,
        boundaries.allow,
        (config, _lines(os.path.join(project.root, config))),
        BOUNDARY_RULES,
    )
    finished = finish_violations(kept, sources, project.root, analysis.lines)
    apis = {
        name: (api.names, api.declared_all, api.reexports) for name, api in analysis.apis.items()
    }
    return [violation.finding for violation in finished], apis


def _touched_sources(
    local: _Local, side: Mapping[str, bytes | None], scanned: Scanned
) -> tuple[dict[str, bytes], list[tuple[str, str, int]]]:
    """(project-relative path -> content, imports within the project as (importer,
    imported, line)) of the touched modules at one revision."""
    project = local.view.project
    exclude_tc = local.settings.boundaries.allow_type_checking
    imports: list[tuple[str, str, int]] = []
    sources: dict[str, bytes] = {}
    for module, path in local.touched.items():
        sources[local.view.relative(project.paths[module])] = side.get(path) or b""
        imports.extend(
            (module, item.imported.name, item.line_number)
            for item in scanned[(module, exclude_tc)]
            if item.imported.name in project.paths
        )
    return sources, imports


def _ignores_graph_rule(ignores: Mapping[Any, Any]) -> bool:
    """An inline ignore names a contract or cycle rule, which the local check cannot see."""
    return any(
        rule in _GRAPH_RULES for items in ignores.values() for i in items for rule in i.rules
    )


def _config_path(settings: Settings) -> str:
    path = settings.config_file or os.path.join(settings.root, "pyproject.toml")
    return os.path.relpath(path, settings.root).replace(os.sep, "/")


def _lines(path: str) -> list[str]:
    try:
        return read_file(path).decode("utf-8", "replace").splitlines()
    except OSError:  # deleted, unreadable, or a FIFO
        return []
