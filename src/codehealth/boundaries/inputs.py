"""What one boundaries run reads of the project: the files grimp lists and their contents
(with the overriding contents of another revision in place), and the import graphs, each
built once when first asked for."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from codehealth.adapters.files import read_file
from codehealth.adapters.imports import (
    GraphKey,
    OverrideError,
    Scanned,
    drop_imports,
    drop_scanned,
    patch_graph,
    scan_contents,
)
from codehealth.boundaries.finish import relative
from codehealth.boundaries.statements import relative_beyond_top
from codehealth.boundaries.syntax import type_only_lines
from codehealth.core import Settings
from codehealth.core.module_names import package_of


@dataclass
class Graphs:
    """The import graphs of one run by GraphKey, each built once when first asked for (with
    the overriding contents patched in); the contracts ask through ``__call__``."""

    settings: Settings
    folders: dict[str, str]
    files: Any  # boundaries_graph.GraphFiles, imported with grimp
    cache_dir: str | None
    scanned: Scanned
    contents: dict[str, bytes] = field(default_factory=dict)  # module -> content
    built: dict[GraphKey, Any] = field(default_factory=dict)
    _type_only: dict[str, frozenset[int]] | None = None

    def __call__(self, graph_key: GraphKey) -> Any:
        from codehealth.adapters.imports import build_import_graph

        if graph_key not in self.built:
            self.built[graph_key] = build_import_graph(
                graph_key[0],
                {**_folders_of(self.settings, graph_key[0]), **self.folders},
                self.files,
                include_external=graph_key[1],
                exclude_type_checking=graph_key[2],
                cache_dir=self.cache_dir,
            )
            if self.scanned:
                patch_graph(self.built[graph_key], self.scanned, *graph_key)
            if graph_key[2]:
                drop_imports(self.built[graph_key], self.type_only(), graph_key[0])
        return self.built[graph_key]

    def type_only(self) -> dict[str, frozenset[int]]:
        """Module -> lines of the type-checking-only imports grimp may have kept (the forms
        it does not know; annotation-only imports when the settings say so)."""
        if self._type_only is None:
            annotations = self.settings.boundaries.annotations_are_type_only
            self._type_only = type_only_lines(self.contents, annotations)
        return self._type_only


@dataclass(frozen=True)
class Project:
    """What one run read of the project: the files grimp lists, their contents by relative
    path, and the module -> relative path of every file analysed."""

    root: str
    settings: Settings
    roots: tuple[str, ...]
    files: Any  # boundaries_graph.GraphFiles
    sources: dict[str, bytes]
    paths: dict[str, str]


def read_project(
    root: str,
    settings: Settings,
    folders: dict[str, str],
    cache_root: str | None,
    overrides: Mapping[str, bytes],
    blobs: Mapping[str, str],
) -> tuple[Project, Graphs]:
    """The project as grimp lists it, and its graphs (none built yet); ``blobs``: the blob
    id of each file on disk by absolute path, for grimp's cache in the ``.codehealth/`` of
    ``cache_root`` (None: no cache)."""
    # grimp is imported here, not at start-up: a warm run never needs it.
    from codehealth.adapters.imports import GraphFiles, list_modules

    files = GraphFiles(blobs=blobs)
    absolute = _read_sources(dict(list_modules(folders, files)), files)
    for path, content in overrides.items():
        if os.path.abspath(path) in absolute:
            absolute[os.path.abspath(path)] = content
    grimp_cache = os.path.join(cache_root, settings.cache_dir, "grimp") if cache_root else None
    contents = {m: absolute[p] for m, p in files.paths.items() if p in absolute}
    annotations = settings.boundaries.annotations_are_type_only
    scanned = _scan_overrides(files, absolute, overrides, annotations)
    graphs = Graphs(settings, folders, files, grimp_cache, scanned, contents)
    project = Project(
        root,
        settings,
        tuple(sorted(folders)),
        files,
        {relative(root, path): content for path, content in absolute.items()},
        {m: relative(root, p) for m, p in files.paths.items() if p not in files.skip},
    )
    return project, graphs


def _scan_overrides(
    files: Any, absolute: dict[str, bytes], overrides: Mapping[str, bytes], annotations: bool
) -> Any:
    """The imports of the overriding contents, as grimp reads them, without the
    type-checking-only ones grimp does not recognise (from the sets that leave them out)."""
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
    scanned = scan_contents(files.found.values(), paths, wanted)
    return drop_scanned(scanned, type_only_lines(wanted, annotations))


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
        package = package_of(module, path)
        line = relative_beyond_top(content, package)
        if line is not None:
            files.skip[path] = f"line {line}: a relative import goes past the top-level package"
    return sources
