"""Another revision of a few edited files, without a checkout: their imports read by grimp's
own scanner from contents held in memory, and the import graph of the work tree patched
with them. The gate computes the boundary results of the base revision this way (every
other file is the same at both revisions, so the work tree's cached graph serves)."""

from __future__ import annotations

import copy
import os
import tempfile
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # grimp is imported when contents are scanned, never for a cached report
    from grimp.application.ports.modulefinder import FoundPackage, ModuleFile


class OverrideError(Exception):
    """The given contents cannot stand in for the files (a syntax error, a file grimp does
    not list): compare from a copy of the revision instead."""


Scanned = dict[tuple[str, bool], set[Any]]  # (module, exclude TYPE_CHECKING) -> imports


def scan_contents(
    found: Iterable[Any],
    paths: Mapping[str, str],
    contents: Mapping[str, bytes],
    include_external: bool = True,
) -> Scanned:
    """grimp's imports of ``contents`` (module -> content), with and without the imports
    under ``TYPE_CHECKING``. ``found``: grimp's FoundPackage of each root package;
    ``paths``: module -> absolute path. The contents are written to a temporary folder laid
    out as the packages, since grimp's scanner reads files."""
    from grimp.application.ports.modulefinder import FoundPackage

    packages: list[FoundPackage] = list(found)
    result: Scanned = {}
    with tempfile.TemporaryDirectory(prefix="codehealth-revision-") as folder:
        moved = {package.name: os.path.join(folder, package.name) for package in packages}
        wanted = _write_contents(packages, paths, contents, moved)
        relocated = {
            FoundPackage(
                package.name, moved[package.name], package.module_files, package.namespace_packages
            )
            for package in packages
        }
        for exclude_tc in (False, True):
            scanned = _scan(wanted, relocated, include_external, exclude_tc)
            for item in wanted:
                result[(item.module.name, exclude_tc)] = scanned.get(item, set())
    return result


def _write_contents(
    packages: list[FoundPackage],
    paths: Mapping[str, str],
    contents: Mapping[str, bytes],
    moved: dict[str, str],
) -> list[ModuleFile]:
    """Writes each content where its file lies in its package's ``moved`` folder; the
    module files grimp listed for them."""
    module_files = {item.module.name: item for package in packages for item in package.module_files}
    wanted = []
    for module, content in contents.items():
        package = _package_of(packages, module)
        if package is None or module not in module_files or module not in paths:
            raise OverrideError(f"{module}: not in the import graph")
        relative = os.path.relpath(paths[module], package.directory)
        target = os.path.join(moved[package.name], relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(content)
        wanted.append(module_files[module])
    return wanted


def _scan(
    wanted: list[ModuleFile],
    relocated: set[FoundPackage],
    include_external: bool,
    exclude_tc: bool,
) -> dict[ModuleFile, set[Any]]:
    """grimp's scan of ``wanted``; any error it raises (a syntax or decoding error) becomes
    an OverrideError."""
    # grimp has no public API to scan the imports of given files or contents: build_graph
    # scans whole packages found on sys.path. Its Python-level scanner (the function
    # build_graph itself calls, typed, not the Rust extension ``grimp._rustgrimp``) is the
    # least private way in. Upstream: python-grimp/grimp#237 "Factor out import scanner"
    # (open) is the nearest work; no issue asking for a public scanning API was found.
    from grimp.application.scanning import scan_imports

    try:
        return dict(
            scan_imports(
                tuple(wanted),
                found_packages=relocated,
                include_external_packages=include_external,
                exclude_type_checking_imports=exclude_tc,
            )
        )
    except Exception as error:  # a syntax or decoding error, in grimp's words
        raise OverrideError(f"grimp cannot read the imports: {error}") from error


def _package_of(packages: list[Any], module: str) -> Any:
    return next((p for p in packages if module == p.name or module.startswith(p.name + ".")), None)


def patch_graph(
    graph: Any, scanned: Scanned, roots: Iterable[str], include_external: bool, exclude_tc: bool
) -> None:
    """Give each scanned module of ``graph`` (a grimp ImportGraph of ``roots``, built from
    the work tree) the imports of its scanned content instead, as grimp would have built the
    graph from those contents. External modules only the old imports reached leave it."""
    root_list = tuple(roots)
    for (module, tc), imports in scanned.items():
        if tc != exclude_tc or module not in graph.modules:
            continue
        dropped = set(graph.find_modules_directly_imported_by(module))
        for imported in dropped:
            graph.remove_import(importer=module, imported=imported)
        for item in imports:
            _add_scanned_import(graph, module, item, root_list, include_external)
        for name in dropped:
            if not _is_internal(name, root_list) and not graph.find_modules_that_directly_import(
                name
            ):
                graph.remove_module(name)


def _is_internal(name: str, roots: tuple[str, ...]) -> bool:
    """Whether module ``name`` is one of ``roots`` or inside one."""
    return any(name == root or name.startswith(root + ".") for root in roots)


def _add_scanned_import(
    graph: Any, module: str, item: Any, roots: tuple[str, ...], include_external: bool
) -> None:
    """Adds grimp's scanned import ``item`` of ``module`` to ``graph`` as build_graph would:
    an external package as its squashed top-level name, or not at all without externals."""
    name = item.imported.name
    if not _is_internal(name, roots):
        if not include_external:
            return
        name = name.split(".")[0]
        if name not in graph.modules:
            graph.add_module(name, is_squashed=True)
    graph.add_import(
        importer=module,
        imported=name,
        line_number=item.line_number,
        line_contents=item.line_contents,
        is_lazy=getattr(item, "is_lazy", False),
    )


def drop_imports(graph: Any, lines: Mapping[str, frozenset[int]], roots: Iterable[str]) -> int:
    """Removes from ``graph`` the imports of each module made at the given ``lines`` (the
    type-checking-only imports grimp does not recognise); how many were removed. grimp
    removes an import with all its lines at once: the other lines are added back. An
    external module no import reaches any more leaves the graph, as build_graph would."""
    root_list = tuple(roots)
    removed = 0
    for importer, dropped in lines.items():
        if importer not in graph.modules:
            continue
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            details = graph.get_import_details(importer=importer, imported=imported)
            kept = [d for d in details if int(d["line_number"]) not in dropped]
            if len(kept) == len(details):
                continue
            removed += len(details) - len(kept)
            graph.remove_import(importer=importer, imported=imported)
            for detail in kept:
                _add_detail(graph, importer, imported, detail)
            if not _is_internal(imported, root_list) and not (
                graph.find_modules_that_directly_import(imported)
            ):
                graph.remove_module(imported)
    return removed


def _add_detail(graph: Any, importer: str, imported: str, detail: Mapping[str, Any]) -> None:
    lazy = {"is_lazy": True} if detail.get("is_lazy") else {}  # older grimp: no such field
    graph.add_import(
        importer=importer,
        imported=imported,
        line_number=detail["line_number"],
        line_contents=detail["line_contents"],
        **lazy,
    )


def drop_scanned(scanned: Scanned, lines: Mapping[str, frozenset[int]]) -> Scanned:
    """``scanned`` without the imports made at ``lines`` of each module, from the sets that
    leave out the imports under ``TYPE_CHECKING`` (the other sets are unchanged)."""
    return {
        (module, exclude_tc): (
            {item for item in imports if item.line_number not in lines.get(module, ())}
            if exclude_tc
            else imports
        )
        for (module, exclude_tc), imports in scanned.items()
    }


def with_references(graph: Any, references: Iterable[tuple[str, str, int, str]]) -> Any:
    """A copy of ``graph`` with each reference (importer, imported, line, text) no import
    shows added as an import between modules it holds, for contracts that see them."""
    copied = copy.deepcopy(graph)  # grimp's own way: import-linter copies a graph so
    for importer, imported, line, text in references:
        if importer in copied.modules and imported in copied.modules:
            copied.add_import(
                importer=importer, imported=imported, line_number=line, line_contents=text
            )
    return copied
