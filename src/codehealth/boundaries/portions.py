"""Which project of a workspace owns each package, when several distributions share a PEP
420 namespace (``langgraph/`` in libs/langgraph, libs/checkpoint, libs/prebuilt): each
project's own portion of it (``langgraph.checkpoint``) becomes a package of its own, as
deep as the sharing goes, so that the imports between projects can be told apart."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

Place = tuple[int, str]  # (project index, absolute folder)


@dataclass
class Portions:
    """Package name (dotted for a namespace portion) -> owning project, and its folder."""

    owner: dict[str, int] = field(default_factory=dict)
    folders: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def owner_of(self, module: str) -> int | None:
        """The project owning ``module``: its longest package name."""
        parts = module.split(".")
        for end in range(len(parts), 0, -1):
            found = self.owner.get(".".join(parts[:end]))
            if found is not None:
                return found
        return None


def split_portions(places: dict[str, list[Place]], label: list[str]) -> Portions:
    """``places``: each root package name and where each project has it; ``label``: each
    project's folder, for the notes."""
    portions = Portions()
    for name, where in sorted(places.items()):
        _place(portions, name, where, label)
    return portions


def _place(portions: Portions, name: str, where: list[Place], label: list[str]) -> None:
    """The owner of package ``name``, which each project of ``where`` has: one project
    keeps it whole; when several share it, the one whose modules sit in the namespace
    itself keeps the name, and each subpackage of the others is placed in its turn."""
    if len(where) == 1:
        portions.owner[name], portions.folders[name] = where[0]
        return
    kept = next((place for place in where if _has_modules(place[1])), None)
    if kept is not None:  # its modules sit in the namespace itself: it keeps the name
        portions.owner[name], portions.folders[name] = kept
    for child, places in sorted(_children(portions, name, where, kept, label).items()):
        _place(portions, f"{name}.{child}", places, label)


def _children(
    portions: Portions, name: str, where: list[Place], kept: Place | None, label: list[str]
) -> dict[str, list[Place]]:
    """Each subpackage of the shared namespace ``name`` and where the projects other than
    the one keeping the name (``kept``) have it."""
    children: dict[str, list[Place]] = {}
    taken = set(_packages(kept[1])) if kept else set()
    for index, folder in where:
        if kept is not None and index == kept[0]:
            continue
        first = label[kept[0] if kept else index]
        _add_children(portions, name, (index, folder), (first, label[index]), taken, children)
    return children


def _add_children(
    portions: Portions,
    name: str,
    place: Place,
    labels: tuple[str, str],
    taken: set[str],
    children: dict[str, list[Place]],
) -> None:
    """Adds the subpackages of one project's folder of namespace ``name`` to ``children``;
    a clash with the project keeping the name (``labels``: its folder, then this one's)
    is noted instead: modules in this folder too, or a subpackage it has as well."""
    index, folder = place
    if _has_modules(folder):
        portions.notes.append(_note(name, *labels))
        return
    for child in _packages(folder):
        if child in taken:
            portions.notes.append(_note(f"{name}.{child}", *labels))
        else:
            children.setdefault(child, []).append((index, os.path.join(folder, child)))


def _note(name: str, first: str, other: str) -> str:
    return (
        f"package {name!r} is in {first or '.'} and {other or '.'}: imports between "
        "projects are checked for the first only"
    )


def _entries(folder: str) -> list[os.DirEntry[str]]:
    try:
        return sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []


def _has_modules(folder: str) -> bool:
    """Python files in the folder itself (a regular package's ``__init__.py`` among them)."""
    return any(e.name.endswith(".py") and e.is_file() for e in _entries(folder))


def _packages(folder: str) -> list[str]:
    return [
        e.name
        for e in _entries(folder)
        if e.is_dir() and e.name.isidentifier() and e.name != "__pycache__"
    ]
