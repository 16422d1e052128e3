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
    # every copy of an existing clone grew alike (one edit made in each): shown, not failed
    lockstep: bool = False

    @property
    def message(self) -> str:
        return (
            f"lines {self.copy.start}-{self.copy.end} of {self.copy.path} are a copy of "
            f"{self.original} ({self.tokens} tokens, {self.new_lines} of its lines added)"
        )


@dataclass(frozen=True, slots=True)
class FileDiff:
    """One touched file's diff: the head's added lines (1-based) and difflib's opcodes."""

    added: frozenset[int]
    opcodes: tuple[tuple[str, int, int, int, int], ...] = ()

    def to_head(self, start: int, end: int) -> set[int]:
        """The head lines that base lines ``start``-``end`` became: those kept, and as many
        lines of a replacement as it replaced (lines inserted among them are not theirs)."""
        found: set[int] = set()
        for tag, i1, i2, j1, j2 in self.opcodes:
            low, high = max(i1, start - 1), min(i2, end)  # 0-based, half open
            if low >= high:
                continue
            if tag in ("equal", "replace"):
                found.update(range(j1 + low - i1 + 1, min(j2, j1 + high - i1) + 1))
        return found


def file_diff(before: bytes | None, after: bytes) -> FileDiff:
    """The lines of ``after`` that are not in ``before``, and how the two line up."""
    new = after.splitlines()
    if not before:
        return FileDiff(frozenset(range(1, len(new) + 1)))
    matcher = difflib.SequenceMatcher(None, before.splitlines(), new, autojunk=False)
    opcodes = tuple(matcher.get_opcodes())
    added = {j + 1 for tag, _, _, j1, j2 in opcodes if tag != "equal" for j in range(j1, j2)}
    return FileDiff(frozenset(added), opcodes)


def new_copies(
    head: Mapping[str, Fingerprints],
    base: Mapping[str, Fingerprints],
    others: Mapping[str, Fingerprints],
    diffs: Mapping[str, FileDiff],
    settings: DuplicationSettings,
) -> list[NewCopy]:
    """The new copies in the touched files ``head`` (their fingerprints at the head; ``base``
    at the base, by head-side path), of code there or in ``others`` (untouched files)."""
    old = _old_copies(_groups(base, others, settings), base, diffs)
    grown = _counts(head.values()) - _counts(base.values())
    found: list[NewCopy] = []
    for group in _groups(head, others, settings):
        found += _group_copies(group, _New(head, grown, diffs, old, settings.min_lines))
    return found


def _groups(
    touched: Mapping[str, Fingerprints],
    others: Mapping[str, Fingerprints],
    settings: DuplicationSettings,
) -> tuple[CloneGroup, ...]:
    """The clone groups among ``touched`` and the untouched files sharing code with them."""
    wanted = {rows[at] for rows in touched.values() for at in range(0, len(rows), _STEP)}
    shared = {path: _only(rows, wanted) for path, rows in others.items() if path not in touched}
    candidates = {**{path: rows for path, rows in shared.items() if rows}, **touched}
    return clone_groups(candidates, settings.min_tokens, settings.min_lines)


def _old_copies(
    groups: Iterable[CloneGroup], base: Mapping[str, Fingerprints], diffs: Mapping[str, FileDiff]
) -> dict[str, set[int]]:
    """The head lines of each touched file that were in a copy at the base."""
    old: dict[str, set[int]] = {}
    for group in groups:
        for location in group.locations:
            diff = diffs.get(location.path)
            if location.path in base and diff is not None:
                old.setdefault(location.path, set()).update(
                    diff.to_head(location.start, location.end)
                )
    return old


@dataclass(frozen=True, slots=True)
class _New:
    """What makes a copy new (see the module's docstring)."""

    head: Mapping[str, Fingerprints]
    grown: Counter[int]
    diffs: Mapping[str, FileDiff]
    old: Mapping[str, set[int]]
    min_lines: int

    def lines(self, location: CloneLocation) -> int:
        """How many of the copy's lines are new (0 when the copy is not)."""
        rows, diff = self.head.get(location.path), self.diffs.get(location.path)
        if rows is None or diff is None:
            return 0
        span = set(range(location.start, location.end + 1))
        count = len(span & diff.added - self.old.get(location.path, set()))
        if count < self.min_lines or not _grows(rows, location, self.grown):
            return 0
        return count

    def was_copied(self, location: CloneLocation) -> bool:
        """Whether some of the copy's lines were in a copy at the base already."""
        old = self.old.get(location.path, set())
        return any(line in old for line in range(location.start, location.end + 1))


def _group_copies(group: CloneGroup, new: _New) -> list[NewCopy]:
    """The new copies of one group, each naming a copy that is not new (or the first)."""
    fresh = {location: new.lines(location) for location in group.locations}
    fresh = {location: count for location, count in fresh.items() if count}
    old = [location for location in group.locations if location not in fresh]
    lockstep = False
    if not old:  # every copy is new: the first is the original
        # ... unless each was a copy at the base: an existing clone, edited alike in each
        lockstep = all(new.was_copied(location) for location in group.locations)
        old = [group.locations[0]]
        fresh.pop(group.locations[0], None)
    return [
        NewCopy(location, old[0], group.tokens, count, lockstep)
        for location, count in fresh.items()
    ]


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
    if wanted.isdisjoint(rows[::_STEP]):  # most files: one C-level test
        return ()
    kept: list[int] = []
    for at in range(0, len(rows), _STEP):
        if rows[at] in wanted:
            kept += rows[at : at + _STEP]
    return tuple(kept)


def new_duplication_percent(copies: Iterable[NewCopy], added: int) -> float:
    """Added lines that are copies, as a percentage of the added lines."""
    lines = sum(copy.new_lines for copy in copies)
    return 100.0 * lines / added if added else 0.0
