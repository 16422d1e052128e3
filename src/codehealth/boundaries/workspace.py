"""``codehealth boundaries`` over a repository of several projects: each project's own run
with its own settings, then the imports BETWEEN projects: the public-API rule on another
project's packages (CH301...) and the dependencies each ``pyproject.toml`` declares (CH304)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from codehealth.boundaries.analysis import ProjectFacts, analyse
from codehealth.boundaries.check import (
    BOUNDARY_RULES,
    DYNAMIC_PRIVATE_IMPORT,
    IGNORE_WITHOUT_REASON,
    PRIVATE_SUBMODULE,
    UNUSED_IGNORE,
)
from codehealth.boundaries.finish import finish_violations
from codehealth.boundaries.ignores import apply_ignores
from codehealth.boundaries.inputs import read_project
from codehealth.boundaries.modules import ModuleMap, make_module_map
from codehealth.boundaries.portions import Portions, split_portions
from codehealth.boundaries.project import module_map, not_importer, root_package_folders
from codehealth.boundaries.rebase import rebased
from codehealth.boundaries.run import run_boundaries
from codehealth.boundaries.statements import InlineIgnore
from codehealth.boundaries.workspace_findings import private_between, undeclared
from codehealth.core import BoundaryReport, Violation, Workspace, WorkspaceProject

Edge = tuple[str, str, int]  # (importer, imported, line)


@dataclass(frozen=True, slots=True)
class ProjectReport:
    """One project's report; its paths are relative to the repository root."""

    name: str
    folder: str
    report: BoundaryReport


@dataclass(frozen=True, slots=True)
class WorkspaceReport:
    root: str
    projects: tuple[ProjectReport, ...]
    notes: tuple[str, ...] = ()

    @property
    def failed(self) -> bool:
        return any(p.report.failed for p in self.projects)


def run_workspace_boundaries(workspace: Workspace, use_cache: bool = True) -> WorkspaceReport:
    reports = [
        run_boundaries(settings.root, settings=settings, use_cache=use_cache)
        for _, settings in workspace.projects
    ]
    packages = _packages(workspace)
    between, covered = (
        _between(workspace, packages, use_cache) if len(packages.owner) > 1 else ({}, set())
    )
    grouped = []
    notes = list(packages.notes)
    for index, ((project, _), report) in enumerate(zip(workspace.projects, reports, strict=True)):
        if not report.root_packages and not report.violations:
            notes.append(f"project {project.name} ({project.folder or '.'}) holds no package")
            continue
        extra = tuple(between.get(index, ()))
        grouped.append(_project_report(project, report, extra, covered))
    return WorkspaceReport(workspace.root, tuple(grouped), tuple(notes))


def _project_report(
    project: WorkspaceProject,
    report: BoundaryReport,
    extra: tuple[Violation, ...],
    covered: set[tuple[str, int]],
) -> ProjectReport:
    """A project's own report on the repository root's paths, with ``extra``, the findings
    on its imports into the other projects."""
    local = rebased(report, project.folder)
    if extra or covered:
        # an ignore the project's own run found unused may cover an import between projects
        own = [v for v in local.violations if not _covered(v, covered)]
        local = replace(local, violations=tuple(sorted((*own, *extra), key=_order)))
    return ProjectReport(project.name, project.folder, local)


def _packages(workspace: Workspace) -> Portions:
    """Which project owns each package (a shared namespace split into its portions)."""
    places: dict[str, list[tuple[int, str]]] = {}
    for index, (_, settings) in enumerate(workspace.projects):
        for name, folder in sorted(root_package_folders(settings).items()):
            places.setdefault(name, []).append((index, folder))
    return split_portions(places, [project.folder for project, _ in workspace.projects])


def _between(
    workspace: Workspace, packages: Portions, use_cache: bool
) -> tuple[dict[int, list[Violation]], set[tuple[str, int]]]:
    """The findings on imports from one project into another, by the importer's project,
    and the (path, line) of the inline ignores that covered one."""
    base = replace(workspace.projects[0][1], root=workspace.root, cache_dir=".codehealth/workspace")
    project, graphs = read_project(
        workspace.root, base, packages.folders, workspace.root if use_cache else None, {}, {}
    )
    internal = set(project.paths)
    crossing = _crossing(graphs((project.roots, False, False)), internal, packages)
    if not crossing:
        return {}, set()
    mapping = _module_map(workspace, packages, internal, project.paths)
    facts = ProjectFacts(
        files={m: project.paths[m] for m in internal},
        imports=crossing,
        read=project.sources.get,
        only=frozenset(importer for importer, _, _ in crossing),
        not_importer=not_importer(base, project.sources.get),
    )
    analysis = analyse(facts, mapping)
    found = _api_findings(analysis.violations, packages, mapping)
    flagged = {(v.finding.path, v.finding.line) for v in found}
    found.extend(private_between(workspace, packages, facts, crossing, flagged))
    # What a project must declare is what it needs installed: its TYPE_CHECKING imports
    # run under a type checker only (the public-API rule above still reads them).
    needed = _installed(graphs((project.roots, False, True)), crossing)
    found.extend(undeclared(workspace, packages, facts, needed))
    kept, covered = _unignored(found, analysis.ignores)
    by_project: dict[int, list[Violation]] = {}
    for violation in finish_violations(kept, project.sources, workspace.root, analysis.lines):
        by_project.setdefault(_project_index(packages, violation.importer), []).append(violation)
    return by_project, covered


def _project_index(packages: Portions, module: str) -> int:
    """The index of the project owning ``module``; -1 for none of them."""
    found = packages.owner_of(module)
    return -1 if found is None else found


def _crossing(graph: Any, internal: set[str], packages: Portions) -> list[Edge]:
    """The imports (importer, imported, line) from one project's module into another's."""
    from codehealth.adapters.imports import internal_imports

    return [
        (importer, imported, line)
        for importer, imported, line in internal_imports(graph, internal & set(graph.modules))
        if _project_index(packages, importer) != _project_index(packages, imported)
    ]


def _installed(typed: Any, crossing: list[Edge]) -> list[Edge]:
    """The ``crossing`` imports that still stand when ``TYPE_CHECKING`` blocks are left out
    (``typed``: the graph without them)."""
    from codehealth.adapters.imports import internal_imports

    importers = {i for i, _, _ in crossing} & set(typed.modules)
    needed = set(internal_imports(typed, importers))
    return [c for c in crossing if c in needed]


def _api_findings(
    violations: Iterable[Violation], packages: Portions, mapping: ModuleMap
) -> list[Violation]:
    """The public-API findings on imports into another project's internals."""
    return [
        v
        for v in violations
        if v.module
        and _project_index(packages, v.importer) != _project_index(packages, v.module)
        and _internal(v, mapping)
    ]


def _unignored(
    found: list[Violation], ignores: dict[str, list[InlineIgnore]]
) -> tuple[list[Violation], set[tuple[str, int]]]:
    """The findings no inline ignore covers, and the (path, line) of those covered."""
    kept, _ = apply_ignores(found, ignores, (), ("", []), BOUNDARY_RULES)
    left = {id(v) for v in kept}
    covered = {(v.finding.path, v.finding.line) for v in found if id(v) not in left}
    # An ignore unused here may cover a finding of the project's own run: that run judges it.
    kept = [v for v in kept if v.finding.rule not in (UNUSED_IGNORE, IGNORE_WITHOUT_REASON)]
    return kept, covered


def _covered(violation: Violation, covered: set[tuple[str, int]]) -> bool:
    finding = violation.finding
    return finding.rule == UNUSED_IGNORE and (finding.path, finding.line) in covered


def _module_map(
    workspace: Workspace, packages: Portions, internal: set[str], paths: dict[str, str]
) -> ModuleMap:
    """Every root package as a module (a project's packages are its API to the others),
    and each project's own modules with their public submodules; no ``depends_on``: what a
    project may import of another is what its ``pyproject.toml`` declares."""
    modules: set[str] = set(packages.owner)
    public: dict[str, frozenset[str]] = {}
    for index, (_, settings) in enumerate(workspace.projects):
        roots = tuple(sorted(n for n, i in packages.owner.items() if i == index))
        own = {m for m in internal if packages.owner_of(m) == index}
        inits = {m for m in own if paths[m].endswith("__init__.py")}
        mapping = module_map(settings, roots, inits, own)
        # A `_private` package is the project's own business, not a module to the others.
        modules.update(m for m in mapping.modules if not _private_part(m))
        public.update(mapping.public)
    return make_module_map(modules, public)


def _internal(violation: Violation, mapping: ModuleMap) -> bool:
    """Whether an import into another project reaches its internals: a ``_private`` part,
    or a module that project declares in [tool.codehealth.modules]. A public submodule
    its ``__init__.py`` also re-exports from (``pydantic_ai.settings``) is the other
    project's public module, documented as such: between projects, not a finding."""
    if violation.finding.rule not in (PRIVATE_SUBMODULE, DYNAMIC_PRIVATE_IMPORT):
        return True
    below = violation.target[len(violation.module) + 1 :].split(".")
    return violation.module in mapping.public or any(p.startswith("_") for p in below)


def _private_part(module: str) -> bool:
    return any(part.startswith("_") for part in module.split(".")[1:])


def _order(violation: Violation) -> tuple[str, int, str]:
    finding = violation.finding
    return (finding.path, finding.line, finding.rule)
