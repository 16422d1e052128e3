"""Duplication in the scan and debt reports: JSON fields and a table section (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from codehealth.core import CloneGroup, Duplication, PackageMetrics
from codehealth.render import Cell, Table

# A group of thousands of copies (generated code) is shown by its count and its first ones.
LOCATIONS_SHOWN = 20
_LOCATIONS_IN_TABLE = 3


def package_duplication(
    duplication: Duplication, packages: Sequence[PackageMetrics]
) -> list[tuple[PackageMetrics, int, int]]:
    """(package, duplicated lines, copies) of every package with any, files beneath summed."""
    found = []
    for package in packages:
        inside = [f for f in duplication.files if f.path.startswith(package.path + "/")]
        if inside:
            found.append((package, sum(f.lines for f in inside), sum(f.blocks for f in inside)))
    return found


def duplication_document(
    duplication: Duplication, packages: Sequence[PackageMetrics], total_lines: int
) -> dict[str, Any]:
    """The ``duplication`` member of the scan and debt JSON documents."""
    return {
        "min_tokens": duplication.min_tokens,
        "min_lines": duplication.min_lines,
        "lines": duplication.lines,
        "blocks": duplication.blocks,
        "density": _percent(duplication.lines, total_lines),
        "groups": [_group(group) for group in duplication.groups],
        "files": [
            {"path": f.path, "lines": f.lines, "blocks": f.blocks, "density": round(f.density, 2)}
            for f in duplication.files
        ],
        "packages": [
            {
                "name": package.name,
                "path": package.path,
                "lines": lines,
                "blocks": blocks,
                "density": _percent(lines, package.lines.total),
            }
            for package, lines, blocks in package_duplication(duplication, packages)
        ],
        "skipped": [{"path": path, "reason": reason} for path, reason in duplication.skipped],
    }


def _group(group: CloneGroup) -> dict[str, Any]:
    return {
        "tokens": group.tokens,
        "lines": group.lines,
        "count": group.count,
        "locations": [
            {"path": loc.path, "start": loc.start, "end": loc.end}
            for loc in group.locations[:LOCATIONS_SHOWN]
        ],
    }


def duplication_tables(duplication: Duplication, top: int) -> list[Table]:
    """The clone groups (the ``top`` largest; 0 = all) and the files with the most copies."""
    if not duplication.groups:
        return []
    groups = duplication.groups[:top] if top else duplication.groups
    files = sorted(duplication.files, key=lambda f: (-f.lines, f.path))
    shown = f"largest {len(groups)} of {len(duplication.groups)}"
    return [
        Table(
            f"Clone groups ({shown})",
            ("copies", "lines", "tokens", "locations"),
            [_group_row(group) for group in groups],
            frozenset({0, 1, 2}),
            footnote="names and literals abstracted, layout and comments ignored",
        ),
        Table(
            f"Duplicated files ({'worst ' + str(top) if top else 'all'})",
            ("file", "duplicated lines", "copies", "density %"),
            [
                (Cell(f.path), Cell(str(f.lines)), Cell(str(f.blocks)), Cell(f"{f.density:.1f}"))
                for f in (files[:top] if top else files)
            ],
            frozenset({1, 2, 3}),
        ),
    ]


def _group_row(group: CloneGroup) -> tuple[Cell, ...]:
    shown = ", ".join(str(loc) for loc in group.locations[:_LOCATIONS_IN_TABLE])
    more = group.count - _LOCATIONS_IN_TABLE
    return (
        Cell(str(group.count)),
        Cell(str(group.lines)),
        Cell(str(group.tokens)),
        Cell(shown + (f" and {more} more" if more > 0 else "")),
    )


def duplication_line(duplication: Duplication, total_lines: int) -> str:
    """One sentence for the end of a report; none when there is no clone (or no detector)."""
    if not duplication.groups:
        return ""
    return (
        f"duplication: {duplication.lines} duplicated lines"
        f" ({_percent(duplication.lines, total_lines):.1f} %) in {len(duplication.groups)}"
        f" clone groups, {duplication.blocks} copies."
    )


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 2) if whole else 0.0
