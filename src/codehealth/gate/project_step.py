"""The project's modules as the gate's local boundary check sees them: grimp's module list
of the work tree, the module map, and the reverse index from path to module."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from codehealth.adapters.files import read_file
from codehealth.adapters.git import RevisionFiles, python_files_differ_from_index
from codehealth.core import Settings


@dataclass(frozen=True)
class ProjectModules:
    """The modules of the project as grimp lists them, and the module map."""

    root: str  # the project root (settings.root), absolute
    paths: dict[str, str]  # module -> absolute path
    found: set[Any]  # grimp's FoundPackage of each root package
    mapping: Any  # codehealth.boundaries.ModuleMap


def project_view(root: str, settings: Settings, staged: bool) -> ProjectView | str:
    """The work tree's modules and module map; why not, for ``--staged`` when the work tree
    holds other Python files than the index."""
    from codehealth.adapters.imports import GraphFiles, list_modules
    from codehealth.boundaries import module_map, root_package_folders

    folders = root_package_folders(settings)
    files = GraphFiles()
    paths = {m: os.path.abspath(p) for m, p in list_modules(folders, files).items()}
    if staged and python_files_differ_from_index(root, sorted(folders.values()), paths.values()):
        return "the work tree holds Python files the index does not (or the reverse)"
    packages = {m for m, p in paths.items() if os.path.basename(p) == "__init__.py"}
    mapping = module_map(settings, tuple(sorted(folders)), packages, set(paths))
    project = ProjectModules(
        os.path.abspath(settings.root), paths, set(files.found.values()), mapping
    )
    return ProjectView(project)


class ProjectView:
    """A project with its reverse index (path -> module)."""

    def __init__(self, project: ProjectModules) -> None:
        self.project = project
        self.by_path = {path: module for module, path in project.paths.items()}
        # module -> project-relative path, once: both revisions' checks need every module's
        self.files = {module: self.relative(path) for module, path in project.paths.items()}

    def module_of(self, path: str) -> str | None:
        return self.by_path.get(os.path.abspath(path))

    def relative(self, path: str) -> str:
        inside = self.project.root + os.sep
        if path.startswith(inside):  # the common case, without relpath's normalising
            return path[len(inside) :].replace(os.sep, "/")
        return os.path.relpath(path, self.project.root).replace(os.sep, "/")


def revision_reader(
    root: str, view: ProjectView, side: Mapping[str, bytes | None], index: RevisionFiles | None
) -> Callable[[str], bytes | None]:
    """Contents of the project's files at one revision, by project-relative path: the
    touched files and their packages from ``side``, any other from the work tree (the
    same at both revisions when the change is all edits) or, for ``--staged``, ``index``
    (shared by both revisions: what it read once is read for both)."""
    memo: dict[str, bytes | None] = {}
    project_root = view.project.root

    def read(path: str) -> bytes | None:
        if path in memo:
            return memo[path]
        absolute = os.path.join(project_root, path)
        key = os.path.relpath(absolute, root).replace(os.sep, "/")
        if key in side:
            memo[path] = side[key]
        elif index is not None:
            memo[path] = index.read(key)
        else:
            try:
                memo[path] = read_file(absolute)
            except OSError:  # deleted, unreadable, or a FIFO
                memo[path] = None
        return memo[path]

    if index is not None:  # the modules' __init__.py are read by every check: one batch
        inits = [
            os.path.relpath(view.project.paths[m], root).replace(os.sep, "/")
            for m in view.project.mapping.modules
            if m in view.project.paths
        ]
        index.read_many(key for key in inits if key not in side)
    return read
