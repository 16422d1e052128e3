"""The gate in a repository of several projects: each touched file judged by its own
project's settings (thresholds, gate policy, boundaries), from the nearest
``[tool.codehealth]``; boundary results compared project by project."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from codehealth.adapters.files import load_workspace
from codehealth.core import ChangedFile, Finding, Settings

Checker = Callable[[Mapping[Any, Any]], "tuple[list[Finding], ...]"]


@dataclass(frozen=True, slots=True)
class GateWorkspace:
    """Each project's folder and settings (the command line's policy over them)."""

    projects: tuple[tuple[str, Settings], ...]
    fallback: Settings  # for a file in no project: the repository root's

    def settings_of(self, path: str) -> Settings:
        folder = self.folder_of(path)
        return next((s for f, s in self.projects if f == folder), self.fallback)

    def folder_of(self, path: str) -> str | None:
        """The folder of the project holding ``path`` (the deepest), None for no project."""
        holding = [f for f, _ in self.projects if not f or path.startswith(f + "/")]
        return max(holding, key=len, default=None)

    @property
    def salt(self) -> str:
        """What a file's cached findings depend on besides: every project's limits."""
        return repr(sorted((f, s.thresholds, s.gate) for f, s in self.projects))


def gate_workspace(
    root: str, policy: Mapping[str, Any] | None, fallback: Settings, use_cache: bool = True
) -> GateWorkspace | None:
    """The projects of the repository at ``root``; None when it holds one."""
    cache_dir = os.path.join(root, fallback.cache_dir) if use_cache else None
    workspace = load_workspace(root, cache_dir)
    if workspace is None:
        return None
    projects = tuple(
        (project.folder, replace(settings, gate=replace(settings.gate, **(policy or {}))))
        for project, settings in workspace.projects
    )
    return GateWorkspace(projects, fallback)


def in_folder(changes: Sequence[ChangedFile], folder: str, workspace: GateWorkspace) -> list[Any]:
    """The changes whose file (either side) lies in the project at ``folder``."""
    return [
        c
        for c in changes
        if any(workspace.folder_of(p) == folder for p in (c.path, c.old_path) if p)
    ]


@dataclass(frozen=True, slots=True)
class ByProject:
    """Each project's boundary results of both revisions, paths from the repository root."""

    checkers: tuple[tuple[str, Checker], ...]

    def __call__(self, measured: Mapping[Any, Any]) -> tuple[list[Finding], ...]:
        sides: tuple[list[Finding], list[Finding]] = ([], [])
        for folder, checker in self.checkers:
            for index, found in enumerate(checker(measured)):
                sides[index].extend(_rebased(found, folder))
        return sides


def _rebased(found: list[Finding], folder: str) -> list[Finding]:
    if not folder:
        return found
    return [replace(f, path=f"{folder}/{f.path}") for f in found]


def by_project(
    workspace: GateWorkspace, change: Any, make: Callable[[Settings, Any], Checker]
) -> ByProject:
    """A checker per project the change touches, each given the part of ``change`` (the
    gate's change under review) in that project's folder."""
    checkers = []
    for folder, settings in workspace.projects:
        mine = replace(
            change,
            every_change=in_folder(change.every_change, folder, workspace),
            changes=in_folder(change.changes, folder, workspace),
            uncounted=in_folder(change.uncounted, folder, workspace),
            keys={k for k in change.keys if workspace.folder_of(k) == folder},
        )
        if mine.every_change:
            checkers.append((folder, make(settings, mine)))
    return ByProject(tuple(checkers))
