"""The import graph, built by grimp (Rust, cached) from the project's own folders.

grimp is asked for the packages at the folders codehealth found (so a package named like a
stdlib module, ``io``, is still the project's), and files that grimp cannot scan (a syntax
error, a relative import that climbs past the top-level package) are left out and reported
instead of failing the run.
"""

from __future__ import annotations

import contextlib
import inspect
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import grimp
from grimp.adaptors.modulefinder import ModuleFinder
from grimp.adaptors.packagefinder import ImportLibPackageFinder
from grimp.application.config import settings as grimp_settings
from grimp.application.ports.modulefinder import FoundPackage
from grimp.exceptions import SourceSyntaxError

from codehealth.adapters.files import unusable_file
from codehealth.core import ConfigError

_MAX_RETRIES = 100


@dataclass
class GraphFiles:
    """Module name -> absolute path of every file grimp listed; files left out and why."""

    paths: dict[str, str] = field(default_factory=dict)
    skip: dict[str, str] = field(default_factory=dict)  # absolute path -> reason
    found: dict[tuple[str, str], Any] = field(default_factory=dict)  # one walk per package
    notes: list[str] = field(default_factory=list)


class _ListingFinder(ModuleFinder):
    """grimp's module finder, remembering each module's file and leaving out ``skip``.

    grimp has no public API to choose the files of a package or to learn a module's file:
    build_graph walks each package itself and stats every file it lists. So this subclasses
    grimp's finder and overrides ONE private method, ``_is_python_file``, the only place a
    file can be left out before grimp stats it. Upstream: python-grimp/grimp#45 "Excludable
    paths" was closed in favour of editing the built graph, which cannot help a file grimp
    cannot stat or parse; no issue asking for a hook to leave files out was found."""

    def __init__(self, files: GraphFiles) -> None:
        self.files = files
        self.listed: list[str] = []  # the files of the walk under way, in grimp's order

    def find_package(self, package_name: str, package_directory: str, file_system: Any) -> Any:
        key = (package_name, package_directory)
        if key not in self.files.found:
            self.listed = []
            self.files.found[key] = super().find_package(
                package_name, package_directory, file_system
            )
            for path in self.listed:
                self.files.paths[_module_name(package_name, path, package_directory)] = path
        found = self.files.found[key]
        if not self.files.skip:
            return found
        kept = frozenset(
            item
            for item in found.module_files
            if self.files.paths.get(item.module.name) not in self.files.skip
        )
        return FoundPackage(found.name, found.directory, kept, found.namespace_packages)

    def _is_python_file(self, filename: str, dirpath: str) -> bool:
        """Also leaves out (and reports) a file grimp could not even stat or read: a symbolic
        link loop, a dangling link, a FIFO (grimp stats each file and would crash)."""
        if not super()._is_python_file(filename, dirpath):
            return False
        path = os.path.join(dirpath, filename)
        reason = unusable_file(path) or _unencodable(filename)
        if reason is not None:
            self.files.skip[path] = reason
            return False
        self.listed.append(path)
        return True


def _module_name(package_name: str, path: str, package_directory: str) -> str:
    """The module grimp names file ``path`` of the package at ``package_directory``: the
    same rule as grimp's finder (its folders, dotted, without a final ``__init__``)."""
    components = [package_name, *path[len(package_directory) + 1 : -3].split(os.sep)]
    if components[-1] == "__init__":
        components.pop()
    return ".".join(components)


class _ProjectPackageFinder(ImportLibPackageFinder):
    """Packages of the project are found at their folder; others through sys.path."""

    def __init__(self, folders: dict[str, str]) -> None:
        self.folders = folders

    def determine_package_directories(self, package_name: str, file_system: Any) -> set[str]:
        if package_name in self.folders:
            return {self.folders[package_name]}
        return _package_folders(package_name)


def _package_folders(name: str) -> set[str]:
    """The folders of package ``name`` on sys.path, found WITHOUT importing anything.

    grimp's own finder calls importlib.util.find_spec, which imports the parents of a
    dotted name: a contract naming ``installed.inner`` would run ``installed/__init__.py``.
    PathFinder only looks at the file system, one part of the name at a time."""
    from importlib.machinery import PathFinder

    search: list[str] | None = None  # sys.path for the first part
    regular_parent = False
    for part in name.split("."):
        spec = PathFinder.find_spec(part, search)
        if spec is None:
            raise ConfigError(
                f"root package {name!r}: not found in the source roots or on sys.path"
            )
        if spec.submodule_search_locations is None or regular_parent:
            # a module, or inside a regular package: grimp wants top-level packages
            raise ConfigError(f"root package {name!r}: not a top-level package")
        regular_parent = spec.has_location  # namespace packages have no location
        search = list(spec.submodule_search_locations)
    return set(search or ())


def _unencodable(filename: str) -> str | None:
    """grimp hands module names to Rust as UTF-8: a name read through surrogateescape (bytes
    that are not UTF-8) cannot be a module."""
    try:
        filename.encode("utf-8")
    except UnicodeEncodeError:
        return "the file name is not valid UTF-8: it cannot be a module"
    return None


@contextlib.contextmanager
def _configured(folders: dict[str, str], files: GraphFiles) -> Iterator[None]:
    """grimp's finders replaced by codehealth's for the time of a build, then restored.

    build_graph takes no finder and no package folder: it finds each package through
    importlib on sys.path (python-grimp/grimp#105 "determine_package_directory doesn't
    support path as argument", open) and reads its finders from its global settings, the
    only way to give it others."""
    saved = {
        "MODULE_FINDER": grimp_settings.MODULE_FINDER,
        "PACKAGE_FINDER": grimp_settings.PACKAGE_FINDER,
    }
    grimp_settings.configure(
        MODULE_FINDER=_ListingFinder(files), PACKAGE_FINDER=_ProjectPackageFinder(folders)
    )
    try:
        yield
    finally:
        grimp_settings.configure(**saved)


def list_modules(folders: dict[str, str], files: GraphFiles) -> dict[str, str]:
    """Module name -> absolute path, as grimp will see them (without building a graph)."""
    finder = _ListingFinder(files)
    file_system = grimp_settings.FILE_SYSTEM
    with _configured(folders, files):
        for name in folders:
            for directory in _ProjectPackageFinder(folders).determine_package_directories(
                name, file_system
            ):
                finder.find_package(name, directory, file_system)
    return files.paths


def build_import_graph(
    roots: tuple[str, ...],
    folders: dict[str, str],
    files: GraphFiles,
    *,
    include_external: bool = False,
    exclude_type_checking: bool = False,
    cache_dir: str | None = None,
) -> grimp.ImportGraph:
    """The graph of ``roots``; a file with a syntax error is added to ``files.skip`` and the
    graph built again without it.

    grimp caches each module's imports resolved against the modules it found then, and
    checks only the importer's own file: when a file enters or leaves ``files.skip`` (a
    syntax error made or fixed), the imports of it would stay as they were. Then the cache
    is dropped and the graph built once more."""
    options = (include_external, exclude_type_checking)
    cached = cache_dir is not None and os.path.isdir(cache_dir)
    graph, cache_dir = _build(roots, folders, files, options, cache_dir)
    if cache_dir is not None and _skip_set_changed(cache_dir, files.skip) and cached:
        shutil.rmtree(cache_dir, ignore_errors=True)
        graph, cache_dir = _build(roots, folders, files, options, cache_dir)
        if cache_dir is not None:
            _skip_set_changed(cache_dir, files.skip)  # recorded again for the new cache
    return graph


def _build(
    roots: tuple[str, ...],
    folders: dict[str, str],
    files: GraphFiles,
    options: tuple[bool, bool],
    cache_dir: str | None,
) -> tuple[grimp.ImportGraph, str | None]:
    """The graph, and the cache folder it used (None when it could not be written)."""
    for _ in range(_MAX_RETRIES):
        try:
            with _configured(folders, files):
                graph = grimp.build_graph(
                    *roots,
                    include_external_packages=options[0],
                    exclude_type_checking_imports=options[1],
                    cache_dir=cache_dir,
                )
            return graph, cache_dir
        except SourceSyntaxError as error:
            path = os.path.abspath(error.filename)
            if path in files.skip:
                raise
            files.skip[path] = f"syntax error at line {error.lineno}: {error.text or ''}".strip()
        except UnicodeError as error:  # grimp: "Failed to decode file PATH (unknown ...)"
            path, detail = _undecodable(str(error), files)
            files.skip[path] = f"the file cannot be decoded: {detail}"
        except OSError as error:  # its cache could not be written (a full disk): none, then
            if cache_dir is None:
                raise
            files.notes.append(f"import graph cache {cache_dir} not written ({error})")
            cache_dir = None
    raise RuntimeError(f"more than {_MAX_RETRIES} files with syntax errors")


def _skip_set_changed(cache_dir: str, skip: dict[str, str]) -> bool:
    """Whether ``skip`` differs from the set the cache was built with; records it."""
    record = os.path.join(cache_dir, "codehealth-skipped.json")
    wanted = sorted(skip)
    try:
        with open(record, encoding="utf-8") as handle:
            if json.load(handle) == wanted:
                return False
    except (OSError, ValueError):
        pass
    with contextlib.suppress(OSError), open(record, "w", encoding="utf-8") as handle:
        json.dump(wanted, handle)
    return True


def _undecodable(message: str, files: GraphFiles) -> tuple[str, str]:
    """The listed file grimp's decoding error names, and the rest of its message. grimp
    raises UnicodeError for a file it cannot decode (a bad encoding declaration, bytes that
    are not UTF-8): that file is left out like one with a syntax error."""
    named = [p for p in files.paths.values() if p in message and p not in files.skip]
    if not named:
        raise RuntimeError(f"grimp could not decode a file: {message}")
    path = max(named, key=len)
    return path, message.split(path, 1)[1].strip(" ()") or message


def internal_imports(graph: grimp.ImportGraph, modules: set[str]) -> Iterator[tuple[str, str, int]]:
    """(importer, imported, line) of every import between two of ``modules``."""
    for importer in sorted(modules):
        for imported in graph.find_modules_directly_imported_by(importer):
            if imported not in modules:
                continue
            for detail in graph.get_import_details(importer=importer, imported=imported):
                yield importer, imported, int(detail["line_number"])


def cycle_breakers(graph: grimp.ImportGraph, packages: list[str]) -> set[tuple[str, str]]:
    """grimp's nominated imports whose removal makes ``packages`` acyclic."""
    # grimp wants disjoint packages: leave out modules nested in another module.
    present = [
        p
        for p in packages
        if p in graph.modules and not any(p.startswith(q + ".") for q in packages)
    ]
    if len(present) < 2:
        return set()
    return {(a, b) for a, b in _nominate(graph, present)}


def _nominate(graph: grimp.ImportGraph, present: list[str]) -> Any:
    """grimp 3.19 takes several packages; older grimp (all that pip installs on Python
    3.10) takes one and makes its children acyclic: the same when the modules are the
    children of one package, else no breakers are nominated (cycles are still found)."""
    if "additional_packages" in inspect.signature(graph.nominate_cycle_breakers).parameters:
        return graph.nominate_cycle_breakers(*present)
    parents = {name.rpartition(".")[0] for name in present}
    if len(parents) == 1 and "" not in parents:
        return graph.nominate_cycle_breakers(parents.pop())
    return set()
