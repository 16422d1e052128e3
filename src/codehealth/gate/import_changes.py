"""What a change does to the imports of the files it touches, read from their contents at
both revisions (grimp's scanner, as the whole-project graph reads them): the gate's local
boundary check goes on only when a head imports nothing its base did not."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from codehealth.gate.project_step import ProjectView

Sides = tuple[Mapping[str, bytes | None], Mapping[str, bytes | None]]
Scanned = dict[tuple[str, bool], set[Any]]


def imports_changed(path: str, sides: tuple[Mapping[str, bytes | None], ...]) -> bool:
    """Whether ``path`` imports differently at the two sides (True as well when a side is
    missing or does not parse)."""
    import ast

    from codehealth.boundaries import file_facts, without_lazy

    facts = []
    for side in sides:
        content = side.get(path)
        if content is None:
            return True
        try:
            facts.append(file_facts(ast.parse(without_lazy(content)), content))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return True
    return not facts[0].same_imports(facts[1])


def scan_imports(
    view: ProjectView, contents: Mapping[str, bytes | None], annotations: bool
) -> Scanned | str:
    """grimp's imports of the given modules (module -> content, not read from the work
    tree), with and without those under ``TYPE_CHECKING`` (every spelling, and those used
    only in annotations when ``annotations``), external ones included: the same scanner,
    so the same imports, as the whole-project graph."""
    from codehealth.adapters.imports import OverrideError, drop_scanned, scan_contents
    from codehealth.boundaries import type_only_lines

    given = {module: content for module, content in contents.items() if content is not None}
    if len(given) != len(contents):
        return "not readable at both revisions"
    try:
        scanned = scan_contents(view.project.found, view.project.paths, given)
    except OverrideError as error:
        return str(error)
    return drop_scanned(scanned, type_only_lines(given, annotations))


def added_edges(before: Scanned, after: Scanned) -> str:
    """What a head version imports that its base version did not (any import, external ones
    and those under ``TYPE_CHECKING`` included: every contract's graph); "" if none."""
    for key, new in sorted(after.items()):
        known = {(item.imported.name, item.line_contents) for item in before.get(key, set())}
        for item in sorted(new, key=lambda i: i.line_number):
            if (item.imported.name, item.line_contents) not in known:
                path = item.importer.name
                return f"{path}: a new import of {item.imported.name} (line {item.line_number})"
    return ""


def added_references(touched: dict[str, str], sides: Sides) -> str:
    """What a head version may reference by a string (a Django model, URL conf, settings
    path; a literal dynamic import) that its base version did not; "" if nothing."""
    from codehealth.boundaries import added_reference

    for path in sorted(touched.values()):
        added = added_reference(sides[0].get(path) or b"", sides[1].get(path) or b"")
        if added:
            return f"{path}: {added}"
    return ""
