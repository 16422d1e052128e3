"""The projects of a repository that holds several (a uv or hatch workspace, or simply
``packages/*/pyproject.toml``), found from its ``pyproject.toml`` files. Pure: the files'
parsed tables come in, by '/'-separated path relative to the repository root."""

from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from codehealth.core.settings import Settings

Documents = Mapping[str, Mapping[str, Any]]  # relative path of a pyproject.toml -> its tables

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


@dataclass(frozen=True, slots=True)
class WorkspaceProject:
    """One project of the repository: ``folder`` ('/'-separated, ``""`` for the repository
    root), its ``pyproject.toml``, the one its settings come from (``config_file``: the
    nearest ``pyproject.toml`` with a ``[tool.codehealth]`` table, its own or above it, as
    ruff picks its configuration) and the distributions it declares it depends on."""

    name: str  # the normalised [project] name, else the folder's name
    folder: str
    pyproject: str
    config_file: str
    dependencies: frozenset[str]

    @property
    def own_config(self) -> bool:
        """Its settings come from its own ``pyproject.toml``."""
        return self.config_file == self.pyproject


def normalise_name(name: str) -> str:
    """A distribution name as PEP 503 compares them: ``Foo_Bar.baz`` is ``foo-bar-baz``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def workspace_projects(documents: Documents) -> tuple[WorkspaceProject, ...]:
    """The projects of the repository, by folder; empty when it holds one project (or none)
    at its root, which the commands analyse as they always did.

    The members the root declares (``[tool.uv.workspace]``, ``[tool.pdm.workspace]`` or a
    hatch environment's ``workspace.members``: globs less ``exclude``), the root itself too
    when it is a project. Without such a table, a root that is a project is the only one
    (its folders' ``pyproject.toml`` files are its examples and fixtures); a root that is
    none (``libs/*/pyproject.toml`` and no project above) holds every project below it with
    a ``[project]`` (or Poetry) name that is not inside another one's folder."""
    root = documents.get("pyproject.toml", {})
    chosen = _member_paths(documents, root)
    if not chosen:
        return ()
    if _distribution_name(root) and "pyproject.toml" in documents:
        chosen.insert(0, "pyproject.toml")
    configured = {p for p, d in documents.items() if _codehealth_table(d)}
    return _through_workspace(tuple(_project(p, documents[p], configured) for p in chosen))


def _member_paths(documents: Documents, root: Mapping[str, Any]) -> list[str]:
    """The ``pyproject.toml`` of each member below the root (the root itself left out)."""
    members = _declared_members(root)
    paths = sorted(p for p in documents if p != "pyproject.toml")
    if members is not None:
        return [p for p in paths if _matches(posixpath.dirname(p), *members)]
    if _distribution_name(root):  # one project, whose folders may hold examples of it
        return []
    return _outermost_projects(documents, paths)


def _outermost_projects(documents: Documents, paths: list[str]) -> list[str]:
    """The named projects not inside another's folder (there, one is an example or fixture)."""
    named = [p for p in paths if _distribution_name(documents[p])]
    return [p for p in named if not any(_inside(p, other) for other in named)]


def _through_workspace(projects: tuple[WorkspaceProject, ...]) -> tuple[WorkspaceProject, ...]:
    """Each project's dependencies with those of the workspace projects it declares, and
    theirs: a project that declares a meta-package of the workspace (``clai`` declares
    ``pydantic-ai``, which pulls ``pydantic-ai-slim``) gets what it pulls in."""
    direct = {p.name: p.dependencies for p in projects}
    widened = []
    for project in projects:
        reached, pending = set(project.dependencies), list(project.dependencies)
        while pending:
            for name in direct.get(pending.pop(), frozenset()) - reached:
                reached.add(name)
                pending.append(name)
        widened.append(replace(project, dependencies=frozenset(reached - {project.name})))
    return tuple(widened)


def project_of(path: str, projects: Iterable[WorkspaceProject]) -> WorkspaceProject | None:
    """The project holding ``path`` (relative to the repository root): the deepest folder."""
    holding = [p for p in projects if not p.folder or path.startswith(p.folder + "/")]
    return max(holding, key=lambda p: len(p.folder), default=None)


def declared_dependencies(document: Mapping[str, Any]) -> frozenset[str]:
    """The normalised distribution names a ``pyproject.toml`` says its code may import:
    ``[project] dependencies`` and ``optional-dependencies`` (or, when dynamic, those of
    hatch's ``[tool.hatch.metadata.hooks.*]``), uv's ``[tool.uv.sources]``
    entries with ``workspace = true``, and Poetry's ``[tool.poetry.dependencies]``."""
    tool = _table(document.get("tool"))
    # hatch's metadata hooks fill in dependencies the [project] table lists as dynamic
    hooks = _nested(tool, "hatch", "metadata", "hooks").values()
    tables = (_table(document.get("project")), *(_table(hook) for hook in hooks))
    names = _requirement_names(r for table in tables for r in _requirements(table))
    sources = _nested(tool, "uv", "sources")
    names.update(k for k, v in sources.items() if isinstance(v, dict) and v.get("workspace"))
    names.update(_nested(tool, "poetry", "dependencies"))
    return frozenset(normalise_name(n) for n in names if n.lower() != "python")


def _requirements(table: Mapping[str, Any]) -> list[Any]:
    """A table's ``dependencies`` and every list of its ``optional-dependencies``."""
    requirements = list(_list(table.get("dependencies")))
    for extra in _table(table.get("optional-dependencies")).values():
        requirements.extend(_list(extra))
    return requirements


def _requirement_names(requirements: Iterable[Any]) -> set[str]:
    """The distribution name each requirement string starts with (``foo[x]>=1`` -> ``foo``)."""
    return {m.group(1) for r in requirements if isinstance(r, str) and (m := _NAME.match(r))}


def nearest_config(pyproject: str, configured: set[str]) -> str:
    """The ``pyproject.toml`` whose ``[tool.codehealth]`` applies to the project of
    ``pyproject``: its own, else the nearest folder above with one (else its own)."""
    folder = posixpath.dirname(pyproject)
    while True:
        candidate = posixpath.join(folder, "pyproject.toml") if folder else "pyproject.toml"
        if candidate in configured:
            return candidate
        if not folder:
            return pyproject
        folder = posixpath.dirname(folder)


def _project(path: str, document: Mapping[str, Any], configured: set[str]) -> WorkspaceProject:
    folder = posixpath.dirname(path)
    name = _distribution_name(document) or posixpath.basename(folder) or "."
    return WorkspaceProject(
        normalise_name(name),
        folder,
        path,
        nearest_config(path, configured),
        declared_dependencies(document) - {normalise_name(name)},
    )


def _declared_members(root: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(members, exclude) globs the root declares: ``[tool.uv.workspace]``,
    ``[tool.pdm.workspace]``, hatch's ``workspace.members`` of any environment (a path, or a
    table with ``path``); None when it declares no workspace."""
    declared = _workspace_tables(_table(root.get("tool")))
    if not declared:
        return None
    members = tuple(_member_path(m) for t in declared for m in _list(t.get("members")))
    exclude = tuple(m for t in declared for m in _list(t.get("exclude")) if isinstance(m, str))
    return tuple(m for m in members if m), exclude


_WORKSPACE_TOOLS = ("uv", "pdm")  # tools whose [tool.<name>.workspace] lists the members


def _workspace_tables(tool: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Every workspace table under ``[tool]``: uv's, pdm's, each hatch environment's."""
    tables = [_table(tool.get(name)).get("workspace") for name in _WORKSPACE_TOOLS]
    tables.extend(_table(env).get("workspace") for env in _nested(tool, "hatch", "envs").values())
    return [t for t in tables if isinstance(t, dict)]


def _member_path(member: Any) -> str:
    if isinstance(member, dict):
        member = member.get("path")
    return member if isinstance(member, str) else ""


def _matches(folder: str, members: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    """uv's member globs: ``packages/*`` matches each folder directly in ``packages``."""

    def hit(patterns: tuple[str, ...]) -> bool:
        return any(_glob(folder, p.strip("/").removeprefix("./")) for p in patterns)

    return hit(members) and not hit(exclude)


def _inside(path: str, other: str) -> bool:
    """``path``'s folder is below ``other``'s (two pyproject.toml paths, neither the root)."""
    folder = posixpath.dirname(other)
    return path != other and path.startswith(folder + "/")


def _glob(folder: str, pattern: str) -> bool:
    """A glob whose ``*`` stays within one folder name (``**`` crosses them)."""
    same_depth = "**" in pattern or pattern.count("/") == folder.count("/")
    return same_depth and fnmatch.fnmatchcase(folder, pattern)


def _distribution_name(document: Mapping[str, Any]) -> str:
    name = _table(document.get("project")).get("name")
    if not isinstance(name, str):
        name = _table(_table(document.get("tool")).get("poetry")).get("name")
    return name if isinstance(name, str) else ""


def _codehealth_table(document: Mapping[str, Any]) -> bool:
    return isinstance(_table(document.get("tool")).get("codehealth"), dict)


def _table(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _nested(table: Mapping[str, Any], *keys: str) -> Mapping[str, Any]:
    """The table at ``keys`` below ``table`` (empty where one is missing or not a table)."""
    for key in keys:
        table = _table(table.get(key))
    return table


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


@dataclass(frozen=True, slots=True)
class Workspace:
    """A repository of several projects, each with the settings that apply to it."""

    root: str  # absolute
    projects: tuple[tuple[WorkspaceProject, Settings], ...]

    def settings_for(self, path: str) -> Settings | None:
        """The settings of the project holding ``path`` (relative to the repository root)."""
        found = project_of(path, (p for p, _ in self.projects))
        return next((s for p, s in self.projects if p is found), None)
