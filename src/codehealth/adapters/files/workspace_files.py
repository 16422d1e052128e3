"""The projects of a repository that holds several, each with its own settings: the
``pyproject.toml`` files listed and read here, the projects found by ``core.workspace``."""

from __future__ import annotations

import os
from dataclasses import replace
from functools import partial

from codehealth.adapters.files.settings_files import default_roots, load_settings, read_toml
from codehealth.adapters.files.walk_memo import remembered_walk
from codehealth.core import DEFAULT_EXCLUDE, Settings, Workspace, WorkspaceProject
from codehealth.core import workspace_projects as find_projects

# Folders no project lives in: what every command leaves out, and test fixtures (a
# project's tests may hold small pyproject.toml files of their own).
_PRUNED = frozenset((*DEFAULT_EXCLUDE, "tests", "test", "fixtures", "testdata"))
_DEPTH = 5  # packages/<name>/pyproject.toml is 2 deep; libs/partners/<name> 3


def load_workspace(root: str, cache_dir: str | None = None) -> Workspace | None:
    """The projects of the repository at ``root`` with their settings; None when it holds
    one project (the commands then run as they always did). ``cache_dir``: where the walk
    for ``pyproject.toml`` files is remembered (None: walked each time)."""
    root = os.path.abspath(root)
    listed = pyproject_files(root, cache_dir)
    documents = {path: read_toml(os.path.join(root, path)) for path in listed}
    projects = find_projects(documents)
    if not projects:
        return None
    members = {p.folder.split("/")[0] for p in projects if p.folder}
    return Workspace(root, tuple((p, _settings(root, p, members)) for p in projects))


def pyproject_files(root: str, cache_dir: str | None = None) -> list[str]:
    """Relative '/'-separated paths of the ``pyproject.toml`` files under ``root``, not in
    hidden, excluded or test folders."""
    memo = os.path.join(cache_dir, "workspace-walk.json") if cache_dir else None
    key = f"pyproject:{_DEPTH}:{sorted(_PRUNED)}:{os.path.abspath(root)}"  # what the walk is
    return remembered_walk(memo, key, partial(_walk, root))


def _walk(root: str, entered: list[str]) -> list[str]:
    found: list[str] = []
    for folder, names, files in os.walk(root):
        entered.append(folder)
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        depth = 0 if relative == "." else relative.count("/") + 1
        names[:] = [] if depth >= _DEPTH else sorted(n for n in names if _walked(n))
        if "pyproject.toml" in files:
            found.append("pyproject.toml" if relative == "." else f"{relative}/pyproject.toml")
    return found


def _walked(name: str) -> bool:
    return not name.startswith(".") and name not in _PRUNED and not name.endswith(".egg-info")


def _settings(root: str, project: WorkspaceProject, members: set[str]) -> Settings:
    """The project's settings, from the nearest ``[tool.codehealth]``. Settings taken from
    a folder above keep their limits and policies; what names the other project's packages
    and folders (``roots``, ``root_packages``, modules, contracts) stays with that project.
    The root project leaves the members' folders to them; every cache is the repository's."""
    folder = os.path.join(root, project.folder) if project.folder else root
    settings = load_settings(folder, os.path.join(root, project.config_file))
    if not project.own_config:
        boundaries = replace(settings.boundaries, root_packages=(), modules=(), contracts=())
        settings = replace(settings, roots=default_roots(folder), boundaries=boundaries)
    if not project.folder:
        settings = replace(settings, exclude=(*settings.exclude, *sorted(members)))
    if project.folder and not os.path.isabs(settings.cache_dir):
        cache = os.path.join(root, settings.cache_dir, "projects", project.folder)
        settings = replace(settings, cache_dir=os.path.relpath(cache, folder))
    return settings
