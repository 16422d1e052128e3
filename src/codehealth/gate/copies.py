"""New duplication in a change (pure): the copies in touched files that the change made.

A copy in a touched file is new when the change added lines to it and made some of its code
more frequent: a fingerprint inside it occurs more often in the touched files at the head
than at the base. So a copy that only existed already (edited elsewhere, or the file renamed
or moved) does not count, and an existing clone counts when the change grows it. The files
the change does not touch are the same at both sides: they are only read to find the other
copy, never counted.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from codehealth.core import (
    FINGERPRINT_FIELDS,
    CloneGroup,
    CloneLocation,
    DuplicationSettings,
    Fingerprints,
)
from codehealth.duplication import clone_groups

_STEP = FINGERPRINT_FIELDS


@dataclass(frozen=True, slots=True)
class NewCopy:
    """Lines of a touched file (``copy``, at the head) that are a copy of ``original``."""

    copy: CloneLocation
    original: CloneLocation
    tokens: int
    new_lines: int  # lines of the copy the change added

    @property
    def message(self) -> str:
        return (
            f"lines {self.copy.start}-{self.copy.end} of {self.copy.path} are a copy of "
            f"{self.original} ({self.tokens} tokens, {self.new_lines} of its lines added)"
        )


def added_lines(before: bytes | None, after: bytes) -> set[int]:
    """The 1-based lines of ``after`` that are not in ``before`` (a diff's added lines)."""
    new = after.splitlines()
    if not before:
        return set(range(1, len(new) + 1))
    matcher = difflib.SequenceMatcher(None, before.splitlines(), new, autojunk=False)
    kept = {j for _, j, size in matcher.get_matching_blocks() for j in range(j, j + size)}
    return {number for number in range(1, len(new) + 1) if number - 1 not in kept}


def new_copies(
    head: Mapping[str, Fingerprints],
    base: Mapping[str, Fingerprints],
    others: Mapping[str, Fingerprints],
    added: Mapping[str, set[int]],
    settings: DuplicationSettings,
) -> list[NewCopy]:
    """The new copies in the touched files ``head`` (their fingerprints at the head; ``base``
    at the base, by head-side path), of code there or in ``others`` (untouched files)."""
    wanted = {rows[at] for rows in head.values() for at in range(0, len(rows), _STEP)}
    shared = {path: _only(rows, wanted) for path, rows in others.items() if path not in head}
    groups = clone_groups(
        {**{p: r for p, r in shared.items() if r}, **head}, settings.min_tokens, settings.min_lines
    )
    grown = _counts(head.values()) - _counts(base.values())
    found: list[NewCopy] = []
    for group in groups:
        found += _group_copies(group, head, grown, added)
    return found


def _group_copies(
    group: CloneGroup,
    head: Mapping[str, Fingerprints],
    grown: Counter[int],
    added: Mapping[str, set[int]],
) -> list[NewCopy]:
    """The new copies of one group, each naming a copy that is not new (or the first)."""
    new: dict[CloneLocation, int] = {}
    for location in group.locations:
        rows = head.get(location.path)
        if rows is None or not _grows(rows, location, grown):
            continue
        count = len(added.get(location.path, set()) & set(range(location.start, location.end + 1)))
        if count:
            new[location] = count
    old = [location for location in group.locations if location not in new]
    if not old:  # every copy is new: the first is the original
        first = group.locations[0]
        old = [first]
        new.pop(first, None)
    return [NewCopy(location, old[0], group.tokens, count) for location, count in new.items()]


def _grows(rows: Fingerprints, location: CloneLocation, grown: Counter[int]) -> bool:
    """Whether a fingerprint inside ``location`` became more frequent."""
    for at in range(0, len(rows), _STEP):
        if location.start <= rows[at + 2] and rows[at + 3] <= location.end and grown[rows[at]] > 0:
            return True
    return False


def _counts(files: Iterable[Fingerprints]) -> Counter[int]:
    return Counter(rows[at] for rows in files for at in range(0, len(rows), _STEP))


def _only(rows: Fingerprints, wanted: set[int]) -> Fingerprints:
    """The fingerprints of ``rows`` whose hash is in ``wanted``."""
    kept: list[int] = []
    for at in range(0, len(rows), _STEP):
        if rows[at] in wanted:
            kept += rows[at : at + _STEP]
    return tuple(kept)


def new_duplication_percent(copies: Iterable[NewCopy], added: int) -> float:
    """Added lines that are copies, as a percentage of the added lines."""
    lines = sum(copy.new_lines for copy in copies)
    return 100.0 * lines / added if added else 0.0
