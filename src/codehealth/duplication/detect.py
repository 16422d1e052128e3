"""The detector's two halves: one file's fingerprints (in the worker that measures the file)
and a project's duplication (once, over every file's fingerprints)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from codehealth.core import (
    CloneGroup,
    Duplication,
    DuplicationSettings,
    FileDuplication,
    Fingerprints,
)
from codehealth.duplication.fingerprints import fingerprints
from codehealth.duplication.matching import clone_groups
from codehealth.duplication.scanner import scanned_tokens
from codehealth.duplication.tokens import normalised_tokens


def file_fingerprints(source: bytes) -> Fingerprints | str:
    """A file's fingerprints, or why it cannot be tokenised."""
    scanned = scanned_tokens(source)
    tokens = normalised_tokens(source) if scanned is None else scanned
    return tokens if isinstance(tokens, str) else fingerprints(tokens)


def find_duplication(
    prints: Mapping[str, Fingerprints | str],
    total_lines: Mapping[str, int],
    settings: DuplicationSettings,
) -> Duplication:
    """The clone groups among the files (by path), and each file's duplicated lines.

    A value that is a string is the reason a file could not be tokenised: it is reported as
    skipped. Files that ``settings`` excludes take no part."""
    usable = {
        path: value
        for path, value in prints.items()
        if not isinstance(value, str) and not settings.excludes(path)
    }
    skipped = tuple(sorted((p, v) for p, v in prints.items() if isinstance(v, str)))
    groups = clone_groups(usable, settings.min_tokens, settings.min_lines)
    files = per_file(groups, total_lines)
    return Duplication(groups, files, skipped, settings.min_tokens, settings.min_lines)


def per_file(
    groups: Iterable[CloneGroup], total_lines: Mapping[str, int]
) -> tuple[FileDuplication, ...]:
    """Distinct duplicated lines and copies of each file that has any, by path."""
    lines: dict[str, set[int]] = defaultdict(set)
    blocks: dict[str, int] = defaultdict(int)
    for group in groups:
        for location in group.locations:
            lines[location.path].update(range(location.start, location.end + 1))
            blocks[location.path] += 1
    return tuple(
        FileDuplication(path, len(lines[path]), blocks[path], total_lines.get(path, 0))
        for path in sorted(lines)
    )
