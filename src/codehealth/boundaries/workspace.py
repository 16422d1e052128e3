"""``codehealth boundaries`` over a repository of several projects: each project's own run
with its own settings, then the imports BETWEEN projects: the public-API rule on another
project's packages (CH301...) and the dependencies each ``pyproject.toml`` declares (CH304)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from codehealth.boundaries.analysis import ProjectFacts, analyse
from codehealth.boundaries.check import (
    BOUNDARY_RULES,
    DYNAMIC_PRIVATE_IMPORT,
    IGNORE_WITHOUT_REASON,
    PRIVATE_SUBMODULE,
    UNDECLARED_DEPENDENCY,
    UNUSED_IGNORE,
)
from codehealth.boundaries.finish import finish_violations
from codehealth.boundaries.ignores import apply_ignores
from codehealth.boundaries.inputs import read_project
from codehealth.boundaries.modules import ModuleMap, make_module_map
from codehealth.boundaries.project import module_map, not_importer, root_package_folders
from codehealth.boundaries.rebase import rebased
from codehealth.boundaries.run import run_boundaries
from codehealth.core import (
    BoundaryReport,
    Finding,
    Violation,
    Workspace,
    WorkspaceProject,
)


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


@dataclass(frozen=True, slots=True)
class _Packages:
    """Which project owns each root package (by index), and their folders."""

    owner: dict[str, int]
    folders: dict[str, str]
    notes: tuple[str, ...]


def run_workspace_boundaries(workspace: Workspace, use_cache: bool = True) -> WorkspaceReport:
    reports = [
        run_boundaries(settings.root, settings=settings, use_cache=use_cache)
        for _, settings in workspace.projects
    ]
    packages = _packages(workspace)
    between = _between(workspace, packages, use_cache) if len(packages.owner) > 1 else {}
    grouped = []
    notes = list(packages.notes)
    for index, ((project, _), report) in enumerate(zip(workspace.projects, reports, strict=True)):
        if not report.root_packages and not report.violations:
            notes.append(f"project {project.name} ({project.folder or '.'}) holds no package")
            continue
        extra = tuple(between.get(index, ()))
        local = rebased(report, project.folder)
        if extra:
            violations = sorted((*local.violations, *extra), key=_order)
            local = replace(local, violations=tuple(violations))
        grouped.append(ProjectReport(project.name, project.folder, local))
    return WorkspaceReport(workspace.root, tuple(grouped), tuple(notes))


def _packages(workspace: Workspace) -> _Packages:
    owner: dict[str, int] = {}
    folders: dict[str, str] = {}
    notes: list[str] = []
    for index, (project, settings) in enumerate(workspace.projects):
        for name, folder in sorted(root_package_folders(settings).items()):
            if name in owner:  # a namespace shared by two distributions
                first = workspace.projects[owner[name]][0]
                notes.append(
                    f"package {name!r} is in {first.folder or '.'} and {project.folder or '.'}: "
                    f"imports between projects are checked for the first only"
                )
                continue
            owner[name], folders[name] = index, folder
    return _Packages(owner, folders, tuple(notes))


def _between(
    workspace: Workspace, packages: _Packages, use_cache: bool
) -> dict[int, list[Violation]]:
    """The findings on imports from one project into another, by the importer's project."""
    from codehealth.adapters.imports import internal_imports

    base = replace(workspace.projects[0][1], root=workspace.root, cache_dir=".codehealth/workspace")
    project, graphs = read_project(workspace.root, base, packages.folders, use_cache, {})
    internal = set(project.paths)
    graph = graphs((project.roots, False, False))

    def project_index(module: str) -> int:
        return packages.owner[module.split(".")[0]]

    crossing = [
        (importer, imported, line)
        for importer, imported, line in internal_imports(graph, internal & set(graph.modules))
        if project_index(importer) != project_index(imported)
    ]
    if not crossing:
        return {}
    mapping = _module_map(workspace, packages, internal, project.paths)
    facts = ProjectFacts(
        files={m: project.paths[m] for m in internal},
        imports=crossing,
        read=project.sources.get,
        only=frozenset(importer for importer, _, _ in crossing),
        not_importer=not_importer(base, project.sources.get),
    )
    analysis = analyse(facts, mapping)
    found = [
        v
        for v in analysis.violations
        if v.module
        and project_index(v.importer) != project_index(v.module)
        and _internal(v, mapping)
    ]
    found.extend(_undeclared(workspace, packages, facts, crossing))
    kept, _ = apply_ignores(found, analysis.ignores, (), ("", []), BOUNDARY_RULES)
    # An ignore unused here may cover a finding of the project's own run: that run judges it.
    kept = [v for v in kept if v.finding.rule not in (UNUSED_IGNORE, IGNORE_WITHOUT_REASON)]
    by_project: dict[int, list[Violation]] = {}
    for violation in finish_violations(kept, project.sources, workspace.root, analysis.lines):
        by_project.setdefault(project_index(violation.importer), []).append(violation)
    return by_project


def _module_map(
    workspace: Workspace, packages: _Packages, internal: set[str], paths: dict[str, str]
) -> ModuleMap:
    """Every root package as a module (a project's packages are its API to the others),
    and each project's own modules with their public submodules; no ``depends_on``: what a
    project may import of another is what its ``pyproject.toml`` declares."""
    modules: set[str] = set(packages.owner)
    public: dict[str, frozenset[str]] = {}
    for index, (_, settings) in enumerate(workspace.projects):
        roots = tuple(sorted(n for n, i in packages.owner.items() if i == index))
        own = {m for m in internal if m.split(".")[0] in roots}
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


def _undeclared(
    workspace: Workspace,
    packages: _Packages,
    facts: ProjectFacts,
    crossing: list[tuple[str, str, int]],
) -> list[Violation]:
    """CH304 for each import of a workspace project the importer's ``pyproject.toml`` does
    not declare (``[project] dependencies``, or a uv workspace source)."""
    found: dict[tuple[str, int, str], Violation] = {}
    for importer, imported, line in crossing:
        path = facts.files[importer]
        if facts.not_importer(path):
            continue
        source = workspace.projects[packages.owner[importer.split(".")[0]]][0]
        target = workspace.projects[packages.owner[imported.split(".")[0]]][0]
        if target.name in source.dependencies or (path, line, target.name) in found:
            continue
        found[(path, line, target.name)] = Violation(
            _undeclared_finding(source, target, (importer, imported), path, line),
            importer,
            imported,
            imported.split(".")[0],
        )
    return list(found.values())


def _undeclared_finding(
    source: WorkspaceProject,
    target: WorkspaceProject,
    edge: tuple[str, str],
    path: str,
    line: int,
) -> Finding:
    importer, imported = edge
    return Finding(
        UNDECLARED_DEPENDENCY,
        path,
        line,
        f"project `{source.name}` depends on workspace project `{target.name}` "
        f"(`{importer}` imports `{imported}`), which {source.pyproject} does not declare",
        fix=f"add `{target.name}` to [project] dependencies in {source.pyproject} "
        "(and `{workspace = true}` in [tool.uv.sources]), or remove the import",
    )


def _order(violation: Violation) -> tuple[str, int, str]:
    finding = violation.finding
    return (finding.path, finding.line, finding.rule)
