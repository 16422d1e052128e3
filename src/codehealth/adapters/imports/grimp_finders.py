"""grimp's finders replaced by codehealth's for the time of a build: the project's packages
found at their folders, and the files grimp cannot stat or read left out and reported.

Imported only when a graph is built or its modules listed (grimp's import costs ~20 ms
that a cached report never needs).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from grimp.adaptors.modulefinder import ModuleFinder
from grimp.adaptors.packagefinder import ImportLibPackageFinder
from grimp.application.config import settings as grimp_settings
from grimp.application.ports.modulefinder import FoundPackage

from codehealth.adapters.files import unusable_file
from codehealth.core import ConfigError

if TYPE_CHECKING:
    from codehealth.adapters.imports.graph import GraphFiles


class ListingFinder(ModuleFinder):
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


class ProjectPackageFinder(ImportLibPackageFinder):
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
def configured(folders: dict[str, str], files: GraphFiles) -> Iterator[None]:
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
        MODULE_FINDER=ListingFinder(files), PACKAGE_FINDER=ProjectPackageFinder(folders)
    )
    try:
        yield
    finally:
        grimp_settings.configure(**saved)
