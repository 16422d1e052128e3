"""The boundaries use case: import graph (grimp) -> public-API rule, contracts
(import-linter), cycles -> one BoundaryReport. A warm run with nothing changed reads it back."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any

from codehealth.app.boundaries_cache import (
    load_report,
    project_key,
    rule_costs,
    save_report,
)
from codehealth.app.boundaries_overrides import (
    OverrideError as OverrideError,  # raised by run_boundaries
)
from codehealth.app.boundaries_overrides import patch_graph, scan_contents
from codehealth.app.boundaries_project import module_map, not_importer, root_package_folders
from codehealth.app.contracts import (
    ContractSource,
    GraphKey,
    Link,
    read_importlinter,
    run_contracts,
)
from codehealth.boundaries import (
    BOUNDARY_RULES,
    BROKEN_CONTRACT,
    MODULE_CYCLE,
    Owners,
    ProjectFacts,
    analyse,
    apply_ignores,
    find_cycles,
    relative_beyond_top,
    summarise_modules,
)
from codehealth.config import Settings, load_settings
from codehealth.model import (
    BoundaryReport,
    Cycle,
    Finding,
    ModuleEdge,
    NotAnalysed,
    Violation,
    fingerprint,
    normalise_line,
)
from codehealth.sources import read_file

_PRIVATE_RULES = ("CH301", "CH302", "CH303", "CH307")


def run_boundaries(
    root: str = ".",
    *,
    settings: Settings | None = None,
    config_file: str | None = None,
    use_cache: bool = True,
    overrides: Mapping[str, bytes] | None = None,
) -> BoundaryReport:
    """``overrides``: absolute path -> content standing in for that (existing) file; the
    gate computes another revision of a few edited files this way. Such a report is not
    cached; OverrideError when the contents cannot stand in (then use a copy)."""
    root = os.path.abspath(root)
    settings = settings or load_settings(root, config_file)
    folders = root_package_folders(settings)
    key = project_key(root, settings, folders) if use_cache and not overrides else ""
    cache_file = os.path.join(root, settings.cache_dir, "boundaries.json")
    if key:
        cached = load_report(cache_file, key)
        if cached is not None:
            return cached
    report = _compute(root, settings, folders, use_cache, overrides or {})
    if key:
        save_report(cache_file, key, report)
    return report


def _compute(
    root: str,
    settings: Settings,
    folders: dict[str, str],
    use_cache: bool,
    overrides: Mapping[str, bytes],
) -> BoundaryReport:
    # grimp is imported here, not at start-up: a warm run never needs it.
    from codehealth.app.boundaries_graph import (
        GraphFiles,
        build_import_graph,
        cycle_breakers,
        internal_imports,
        list_modules,
    )

    roots = tuple(sorted(folders))
    files = GraphFiles()
    absolute = _read_sources(dict(list_modules(folders, files)), files)
    for path, content in overrides.items():
        if os.path.abspath(path) in absolute:
            absolute[os.path.abspath(path)] = content
    scanned = _scan_overrides(files, absolute, overrides)
    sources = {_relative(root, path): content for path, content in absolute.items()}
    grimp_cache = os.path.join(root, settings.cache_dir, "grimp") if use_cache else None
    graphs: dict[GraphKey, Any] = {}

    def graph_for(graph_key: GraphKey) -> Any:
        if graph_key not in graphs:
            graphs[graph_key] = build_import_graph(
                graph_key[0],
                {**_folders_of(settings, graph_key[0]), **folders},
                files,
                include_external=graph_key[1],
                exclude_type_checking=graph_key[2],
                cache_dir=grimp_cache,
            )
            if scanned:
                patch_graph(graphs[graph_key], scanned, graph_key[0], graph_key[1], graph_key[2])
        return graphs[graph_key]

    exclude_tc = settings.boundaries.allow_type_checking
    contract_sources = _contract_sources(root, settings, roots)
    # One graph for the contracts and the public-API rule when their options agree (external
    # packages in the graph change nothing for the public-API rule).
    wanted = [source.graph_key for source in contract_sources if source.contracts]
    reusable = [key for key in wanted if key[0] == roots and key[2] == exclude_tc]
    api_key: GraphKey = reusable[0] if reusable else (roots, False, exclude_tc)
    if roots:
        graph_for(api_key)

    def imports() -> Iterator[tuple[str, str, int]]:
        graph = graphs.get(api_key)
        if graph is not None:
            yield from internal_imports(graph, internal & set(graph.modules))

    paths = {m: _relative(root, p) for m, p in files.paths.items() if p not in files.skip}
    internal = set(paths)
    packages = {m for m in internal if paths[m].endswith("__init__.py")}
    mapping = module_map(settings, roots, packages, internal)
    facts = ProjectFacts(
        files={m: paths[m] for m in internal},
        imports=imports(),
        read=sources.get,
        test_patterns=settings.boundaries.test_patterns
        if settings.boundaries.exclude_tests
        else (),
        not_importer=not_importer(settings, sources.get),
    )
    analysis = analyse(facts, mapping)
    # The contracts' graphs: the one built above when the options agree, else their own.
    contracts, links = run_contracts(contract_sources, graph_for)
    graph = graphs.get(api_key)
    paths = {m: p for m, p in paths.items() if os.path.join(root, p) not in files.skip}
    owner_of = Owners(mapping)
    owners = {m: owner_of(m) for m in internal}
    breakers = cycle_breakers(graph, sorted(mapping.modules)) if graph is not None else set()
    by_pair: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for importer, imported in breakers:
        source, target = owners.get(importer), owners.get(imported)
        if source and target and source != target:
            by_pair.setdefault((source, target), []).append((importer, imported))
    cycles = find_cycles(analysis.edges, by_pair)
    found = [
        *analysis.violations,
        *_contract_findings(links, paths),
        *_cycle_findings(cycles),
    ]
    config_path = settings.config_file or os.path.join(root, "pyproject.toml")
    kept, _ignored = apply_ignores(
        found,
        analysis.ignores,
        settings.boundaries.allow,
        (_relative(root, config_path), _lines_of(config_path)),
        BOUNDARY_RULES,
    )
    violations = _finish(kept, sources, root, analysis.lines)
    inbound: dict[str, int] = {}
    for violation in violations:
        if violation.finding.rule in _PRIVATE_RULES and violation.module:
            inbound[violation.module] = inbound.get(violation.module, 0) + 1
    modules = {
        name: (
            paths.get(name, ""),
            len(api.names) if (api := analysis.apis.get(name)) else 0,
            bool(api and api.declared_all),
            api.note if api else "",
            bool(api and api.declared) or name in mapping.public,
        )
        for name in mapping.modules
    }
    not_analysed = {
        _relative(root, p): NotAnalysed(_relative(root, p), why)
        for p, why in sorted(files.skip.items())
    }
    for entry in analysis.not_analysed:
        not_analysed.setdefault(entry.path, entry)
    return BoundaryReport(
        root=root,
        root_packages=roots,
        modules=tuple(
            summarise_modules(modules, analysis.edges, cycles, inbound, mapping.depends_on)
        ),
        edges=tuple(analysis.edges),
        violations=tuple(violations),
        contracts=tuple(contracts),
        cycles=tuple(cycles),
        not_analysed=tuple(not_analysed[path] for path in sorted(not_analysed)),
        notes=(*files.notes, *analysis.notes),
    )


def _scan_overrides(files: Any, absolute: dict[str, bytes], overrides: Mapping[str, bytes]) -> Any:
    """The imports of the overriding contents, as grimp reads them."""
    if not overrides:
        return {}
    module_of = {os.path.abspath(path): module for module, path in files.paths.items()}
    wanted: dict[str, bytes] = {}
    for path, content in overrides.items():
        module = module_of.get(os.path.abspath(path))
        if module is None or os.path.abspath(path) not in absolute:
            raise OverrideError(f"{path}: not in the import graph")
        wanted[module] = content
    paths = {module: os.path.abspath(path) for module, path in files.paths.items()}
    return scan_contents(files.found.values(), paths, wanted)


def _folders_of(settings: Settings, names: tuple[str, ...]) -> dict[str, str]:
    """Folders of packages a contract names that codehealth did not list (say, a tests
    package): looked up in the source roots, as lint-imports finds them from the project
    folder; a package not found there is looked up on sys.path by grimp."""
    found: dict[str, str] = {}
    for name in names:
        for base in settings.roots or (".",):
            folder = os.path.join(settings.root, base, *name.split("."))
            if os.path.isdir(folder):
                found[name] = os.path.abspath(folder)
                break
    return found


def _read_sources(listed: dict[str, str], files: Any) -> dict[str, bytes]:
    """Every file's bytes by absolute path (and relative path, filled in later); a file with a
    relative import past its top-level package is left out of the graph (grimp cannot scan it)."""
    sources: dict[str, bytes] = {}
    for module, path in listed.items():
        try:
            content = read_file(path)
        except OSError as error:
            files.skip[path] = f"cannot be read: {error.strerror}"
            continue
        sources[path] = content
        package = module if path.endswith("__init__.py") else module.rpartition(".")[0]
        line = relative_beyond_top(content, package)
        if line is not None:
            files.skip[path] = f"line {line}: a relative import goes past the top-level package"
    return sources


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


def _contract_findings(links: list[Link], paths: dict[str, str]) -> list[Violation]:
    seen: set[tuple[str, str, str, int]] = set()
    found: list[Violation] = []
    for link in links:
        for line in link.line_numbers or (0,):
            key = (link.contract, link.importer, link.imported, line)
            if key in seen or link.importer not in paths:
                continue
            seen.add(key)
            message = (
                f"contract {link.contract!r} is broken: `{link.importer}` imports `{link.imported}`"
            )
            finding = Finding(
                BROKEN_CONTRACT,
                paths[link.importer],
                line,
                message,
                fix="remove this import, route it through an allowed module, "
                "or change the contract",
            )
            found.append(Violation(finding, link.importer, link.imported))
    return found


def _cycle_findings(cycles: list[Cycle]) -> list[Violation]:
    found: list[Violation] = []
    for cycle in cycles:
        edge = next((e for e in cycle.edges if _breaks(e, cycle.breakers)), cycle.edges[0])
        site = edge.imports[0]
        path_text = " -> ".join(cycle.path)
        finding = Finding(
            MODULE_CYCLE,
            site.path,
            site.line,
            f"modules import each other in a cycle: {path_text}",
            fix=f"break the cycle at `{edge.source}` -> `{edge.target}` "
            f"({len(edge.imports)} import(s)), e.g. move the shared code to a lower module",
        )
        found.append(Violation(finding, site.importer, site.imported, edge.target))
    return found


def _breaks(edge: ModuleEdge, breakers: tuple[tuple[str, str], ...]) -> bool:
    sites = {(site.importer, site.imported) for site in edge.imports}
    return any(pair in sites for pair in breakers)


def _finish(
    violations: list[Violation],
    sources: dict[str, bytes],
    root: str,
    known_lines: dict[str, list[str]],
) -> list[Violation]:
    """Fingerprints, severities and costs; sorted by path and line."""
    costs = rule_costs()
    by_path: dict[str, list[Violation]] = {}
    for violation in violations:
        by_path.setdefault(violation.finding.path, []).append(violation)
    finished: list[Violation] = []
    for path, items in sorted(by_path.items()):
        lines = known_lines.get(path)
        if lines is None:
            content = sources.get(path)
            if content is None:
                content = _read(os.path.join(root, path))
            lines = content.decode("utf-8", "replace").splitlines()
        texts = {n: lines[n - 1] for n in {v.finding.line for v in items} if 0 < n <= len(lines)}
        # As model.with_fingerprints numbers them: in (line, column, rule) order, the n-th
        # identical (rule, symbol, text) of the file; one new Finding per violation. The
        # text is the import's target when there is one, so that the finding survives an
        # edit of its statement (celery 571efe8120: `import abstract` became `import
        # abstract, deprecated`, and the old finding looked new).
        items.sort(key=lambda v: (v.finding.line, v.finding.column, v.finding.rule))
        seen: dict[tuple[str, str, str], int] = {}
        for v in items:
            f = v.finding
            text = v.target or normalise_line(texts.get(f.line, ""))
            occurrence = seen.get((f.rule, f.symbol, text), 0)
            seen[(f.rule, f.symbol, text)] = occurrence + 1
            severity, minutes = costs.get(f.rule, (f.severity, f.remediation_minutes))
            finding = Finding(
                f.rule,
                f.path,
                f.line,
                f.message,
                severity,
                minutes,
                f.symbol,
                f.column,
                f.end_line,
                f.fix,
                fingerprint(f.rule, f.path, f.symbol, text, occurrence),
            )
            finished.append(Violation(finding, v.importer, v.target, v.module))
    return sorted(finished, key=lambda v: (v.finding.path, v.finding.line, v.finding.rule))


def _read(path: str) -> bytes:
    try:
        return read_file(path)
    except OSError:
        return b""


def _relative(root: str, path: str) -> str:
    return os.path.relpath(path, root).replace(os.sep, "/")


def _lines_of(path: str) -> list[str]:
    return _read(path).decode("utf-8", "replace").splitlines()
