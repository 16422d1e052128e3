"""The boundaries use case: import graph (grimp) -> public-API rule, contracts
(import-linter), cycles -> one BoundaryReport. A warm run with nothing changed reads it back."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from codehealth.adapters.files import load_settings
from codehealth.adapters.imports import ContractSource, GraphKey, read_importlinter, run_contracts
from codehealth.adapters.imports import OverrideError as OverrideError
from codehealth.boundaries.analysis import Analysis, ProjectFacts, analyse
from codehealth.boundaries.cached import load_report, report_file, save_report
from codehealth.boundaries.check import BOUNDARY_RULES
from codehealth.boundaries.cycles import find_cycles, summarise_modules
from codehealth.boundaries.finish import (
    contract_findings,
    cycle_findings,
    finish_violations,
    lines_of,
    read_or_empty,
    relative,
)
from codehealth.boundaries.ignores import apply_ignores
from codehealth.boundaries.inputs import Graphs, Project, read_project
from codehealth.boundaries.modules import ModuleMap, Owners
from codehealth.boundaries.project import (
    check_django_settings,
    module_map,
    not_importer,
    root_package_folders,
)
from codehealth.boundaries.references import HiddenDependencies, hidden_dependencies
from codehealth.boundaries.report_key import content_ids, project_key
from codehealth.core import BoundaryReport, NotAnalysed, Reference, Settings, Violation

_PRIVATE_RULES = ("CH301", "CH302", "CH303", "CH307")


def run_boundaries(
    root: str = ".",
    *,
    settings: Settings | None = None,
    config_file: str | None = None,
    use_cache: bool = True,
    overrides: Mapping[str, bytes] | None = None,
    cache_root: str | None = None,
) -> BoundaryReport:
    """``overrides``: absolute path -> content standing in for that (existing) file; the
    gate computes another revision of a few edited files this way. Reports are cached by
    the contents they read, so the base side finds the report of a run at the base commit,
    in this clone or in one whose ``.codehealth/`` was restored here; OverrideError when the
    contents cannot stand in (then use a copy). ``cache_root``: the project whose
    ``.codehealth/`` holds the caches (a revision copied out of git uses the project's)."""
    root = os.path.abspath(root)
    settings = settings or load_settings(root, config_file)
    folders = root_package_folders(settings)
    if not use_cache:
        return _compute(root, settings, folders, None, overrides or {}, {})
    return _cached(root, settings, folders, os.path.abspath(cache_root or root), overrides or {})


def _cached(
    root: str,
    settings: Settings,
    folders: dict[str, str],
    home: str,
    overrides: Mapping[str, bytes],
) -> BoundaryReport:
    """The report of these contents from ``home``'s cache, else computed and saved there."""
    ids = content_ids(root, settings, folders)
    key = project_key(root, settings, folders, overrides, ids)
    cache_file = report_file(home, settings, key)
    cached = load_report(cache_file, key, root)
    if cached is not None:
        return cached
    blobs = {path: blob for path, (_, blob) in ids.items()}
    report = _compute(root, settings, folders, home, overrides, blobs)
    save_report(cache_file, key, report)
    return report


def _compute(
    root: str,
    settings: Settings,
    folders: dict[str, str],
    cache_root: str | None,
    overrides: Mapping[str, bytes],
    blobs: Mapping[str, str],
) -> BoundaryReport:
    project, graphs = read_project(root, settings, folders, cache_root, overrides, blobs)
    check_django_settings(settings, set(project.paths))
    left_out = not_importer(project.settings, project.sources.get)  # asked per file and edge
    hidden = _hidden_dependencies(project, left_out)
    files = project.files
    contract_sources = _contract_sources(root, settings, project.roots)
    api_key = _api_graph_key(contract_sources, project.roots, settings)
    if project.roots:
        graphs(api_key)
    internal = set(project.paths)
    mapping = module_map(
        settings,
        project.roots,
        {m for m in internal if project.paths[m].endswith("__init__.py")},
        internal,
        hidden.apps,
    )
    analysis = analyse(_facts(project, graphs, api_key, hidden.references, left_out), mapping)
    # The contracts' graphs: the one built above when the options agree, else their own.
    contracts, links = run_contracts(contract_sources, _contract_graphs(graphs, settings, hidden))
    # A contract's own graph may have left out more files (a syntax error grimp met).
    paths = {m: p for m, p in project.paths.items() if os.path.join(root, p) not in files.skip}
    cycles = find_cycles(
        analysis.edges, _breakers_by_pair(graphs.built.get(api_key), mapping, internal)
    )
    found = [
        *analysis.violations,
        *contract_findings(links, paths, hidden.references),
        *cycle_findings(cycles),
    ]
    violations = finish_violations(
        _kept(project, found, analysis), project.sources, root, analysis.lines
    )
    return BoundaryReport(
        root=root,
        root_packages=project.roots,
        modules=tuple(
            summarise_modules(
                _module_rows(mapping, analysis, paths),
                analysis.edges,
                cycles,
                _inbound(violations),
                mapping.depends_on,
            )
        ),
        edges=tuple(analysis.edges),
        violations=tuple(violations),
        contracts=tuple(contracts),
        cycles=tuple(cycles),
        not_analysed=_not_analysed(root, files, analysis),
        notes=(*files.notes, *hidden.notes, *analysis.notes),
        django_settings=hidden.settings_module,
    )


def _api_graph_key(
    contract_sources: list[ContractSource], roots: tuple[str, ...], settings: Settings
) -> GraphKey:
    """The graph the public-API rule reads: a contract's, when its options agree (external
    packages in the graph change nothing for the rule), so that one graph serves both."""
    exclude_tc = settings.boundaries.allow_type_checking
    wanted = [source.graph_key for source in contract_sources if source.contracts]
    reusable = [key for key in wanted if key[0] == roots and key[2] == exclude_tc]
    return reusable[0] if reusable else (roots, False, exclude_tc)


def _hidden_dependencies(project: Project, left_out: Callable[[str], bool]) -> HiddenDependencies:
    """The references no import shows; files outside the packages (manage.py, pytest.ini)
    are read from the project folder."""

    def read(path: str) -> bytes | None:
        content = project.sources.get(path)
        if content is None and "/" not in path:
            content = read_or_empty(os.path.join(project.root, path)) or None
        return content

    return hidden_dependencies(project.settings.django, project.paths, read, left_out)


def _contract_graphs(graphs: Graphs, settings: Settings, hidden: HiddenDependencies) -> Any:
    """The graph each contract is checked on: with the references no import shows when
    ``include_string_references`` asks for them."""
    if not settings.boundaries.include_string_references or not hidden.references:
        return graphs
    from codehealth.adapters.imports import with_references

    added = [(r.importer, r.target, r.line, r.text) for r in hidden.references]
    return lambda key: with_references(graphs(key), added)


def _facts(
    project: Project,
    graphs: Graphs,
    api_key: GraphKey,
    references: tuple[Reference, ...],
    left_out: Callable[[str], bool],
) -> ProjectFacts:
    """The facts the analysis reads; the imports come from the public-API rule's graph."""
    internal = set(project.paths)

    def imports() -> Iterator[tuple[str, str, int]]:
        from codehealth.adapters.imports import internal_imports

        graph = graphs.built.get(api_key)
        if graph is not None:
            yield from internal_imports(graph, internal & set(graph.modules))

    boundaries = project.settings.boundaries
    return ProjectFacts(
        files={m: project.paths[m] for m in internal},
        imports=imports(),
        read=project.sources.get,
        test_patterns=boundaries.test_patterns if boundaries.exclude_tests else (),
        not_importer=left_out,
        references=references,
    )


def _breakers_by_pair(
    graph: Any, mapping: ModuleMap, internal: set[str]
) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """grimp's nominated cycle breakers, by the (importing, imported) modules of the map
    they cross between."""
    from codehealth.adapters.imports import cycle_breakers

    if graph is None:
        return {}
    owner_of = Owners(mapping)
    owners = {m: owner_of(m) for m in internal}
    by_pair: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for importer, imported in cycle_breakers(graph, sorted(mapping.modules)):
        source, target = owners.get(importer), owners.get(imported)
        if source and target and source != target:
            by_pair.setdefault((source, target), []).append((importer, imported))
    return by_pair


def _kept(project: Project, found: list[Violation], analysis: Analysis) -> list[Violation]:
    """The findings no inline ignore nor configured ``allow`` entry covers."""
    settings = project.settings
    config_path = settings.config_file or os.path.join(project.root, "pyproject.toml")
    kept, _ignored = apply_ignores(
        found,
        analysis.ignores,
        settings.boundaries.allow,
        (relative(project.root, config_path), lines_of(config_path)),
        BOUNDARY_RULES,
    )
    return kept


def _inbound(violations: list[Violation]) -> dict[str, int]:
    """Module -> how many imports reach past its public API."""
    inbound: dict[str, int] = {}
    for violation in violations:
        if violation.finding.rule in _PRIVATE_RULES and violation.module:
            inbound[violation.module] = inbound.get(violation.module, 0) + 1
    return inbound


def _module_rows(
    mapping: ModuleMap, analysis: Analysis, paths: dict[str, str]
) -> dict[str, tuple[str, int, bool, str, bool]]:
    """Module -> (path, public names, declares ``__all__``, note, public API declared)."""
    rows: dict[str, tuple[str, int, bool, str, bool]] = {}
    for name in mapping.modules:
        api = analysis.apis.get(name)
        rows[name] = (
            paths.get(name, ""),
            len(api.names) if api else 0,
            bool(api and api.declared_all),
            api.note if api else "",
            bool(api and api.declared) or name in mapping.public,
        )
    return rows


def _not_analysed(root: str, files: Any, analysis: Analysis) -> tuple[NotAnalysed, ...]:
    """The files left out of the graph (grimp could not list or scan them), then those the
    analysis could not read, by path."""
    not_analysed = {
        relative(root, p): NotAnalysed(relative(root, p), why)
        for p, why in sorted(files.skip.items())
    }
    for entry in analysis.not_analysed:
        not_analysed.setdefault(entry.path, entry)
    return tuple(not_analysed[path] for path in sorted(not_analysed))


def _contract_sources(
    root: str, settings: Settings, roots: tuple[str, ...]
) -> list[ContractSource]:
    found = read_importlinter(root)
    sources = [found] if found and found.contracts else []
    own = settings.boundaries.contracts
    if own:
        session = dict(found.session) if found else {"root_packages": list(roots)}
        sources.append(ContractSource(settings.config_file or "pyproject.toml", session, own))
    return sources
