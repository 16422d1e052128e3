"""Fingerprints of many files -> clone groups.

Equal fingerprints are grouped by hash; the occurrences of a hash are paired with each other,
or, above ``_ALL_PAIRS`` occurrences, in a chain from file to file (a hash found in 3,000
generated files gives 2,999 pairs, not 4.5 million). Pairs on the same two files and the
same diagonal (the same token offset between the copies) whose fingerprints follow each
other within a winnowing window are one shared run: the region from its first fingerprint
to its last one's end (grouping.py merges them into groups).
"""

from __future__ import annotations

import itertools
import operator
from collections import defaultdict
from collections.abc import Iterable, Mapping

from codehealth.core import (
    FINGERPRINT_FIELDS,
    CloneGroup,
    CloneLocation,
    Fingerprints,
)
from codehealth.duplication.fingerprints import KGRAM, LOGIC_BIT, WINDOW
from codehealth.duplication.grouping import merged_groups

# (file number, token index, first line, last line)
_Spot = tuple[int, int, int, int]
# diagonal (first file, other file, token offset; packed into one int, see _Diagonal) ->
# [(first file's token index, first's spot, other's spot)]
_Diagonals = dict[int, list[tuple[int, _Spot, _Spot]]]
_Run = list[tuple[int, _Spot, _Spot]]
_ALL_PAIRS = 24


def clone_groups(
    prints: Mapping[str, Fingerprints], min_tokens: int, min_lines: int
) -> tuple[CloneGroup, ...]:
    """The clone groups among ``prints`` (by path), each copy at least ``min_tokens``
    tokens and ``min_lines`` lines long, largest groups first."""
    paths = sorted(prints)
    diagonal = _Diagonal(paths, prints)
    diagonals, logical = _pairs(paths, prints, diagonal)
    # a run of fewer fingerprints than this spans fewer than ``min_tokens`` tokens
    least = 1 + max(0, -(-(min_tokens - KGRAM) // WINDOW))
    runs = [
        (diagonal.unpacked(key), run)
        for key, spots in diagonals.items()
        if len(spots) >= least
        for run in _runs(spots)
        if len(run) >= least
    ]
    runs = [(key, run) for key, run in runs if any((key[0], spot[0]) in logical for spot in run)]
    kept = _long_enough(paths, runs, min_tokens, min_lines)
    return tuple(merged_groups([pair for pairs in kept.values() for pair in _longest(pairs)]))


class _Diagonal:
    """A diagonal (first file, other file, token offset) as one int: a saleor-sized project
    has ~570,000 of them, and a tuple of three ints costs five times an int."""

    def __init__(self, paths: list[str], prints: Mapping[str, Fingerprints]) -> None:
        indexes = (max(rows[1::FINGERPRINT_FIELDS], default=0) for rows in prints.values())
        self.files = max(1, len(paths))
        self.bound = 1 + max(indexes, default=0)  # offsets lie within (-bound, bound)

    def packed(self, first: int, other: int, shift: int) -> int:
        return (first * self.files + other) * 2 * self.bound + shift + self.bound

    def unpacked(self, key: int) -> tuple[int, int, int]:
        files, shift = divmod(key, 2 * self.bound)
        first, other = divmod(files, self.files)
        return first, other, shift - self.bound


def _pairs(
    paths: list[str], prints: Mapping[str, Fingerprints], diagonal: _Diagonal
) -> tuple[_Diagonals, set[tuple[int, int]]]:
    """Every repeated fingerprint paired with the others of its hash (or the first one),
    and the (file number, token index) of the repeated ones that hold logic: a shared run
    without any is not a copy (fingerprints.LOGIC_BIT)."""
    seen: dict[int, list[_Spot]] = defaultdict(list)
    step = FINGERPRINT_FIELDS
    for number, path in enumerate(paths):
        rows = prints[path]
        columns = (rows[at::step] for at in range(step))
        for value, index, start, end in zip(*columns, strict=True):
            seen[value].append((number, index, start, end))
    diagonals: _Diagonals = defaultdict(list)
    logical: set[tuple[int, int]] = set()
    for value, spots in seen.items():
        if len(spots) < 2:
            continue
        if value & LOGIC_BIT:
            logical.update((spot[0], spot[1]) for spot in spots)
        pairs = _chained(spots) if len(spots) > _ALL_PAIRS else _all_pairs(spots)
        for head, spot in pairs:
            key = diagonal.packed(head[0], spot[0], spot[1] - head[1])
            diagonals[key].append((head[1], head, spot))
    return diagonals, logical


def _all_pairs(spots: list[_Spot]) -> Iterable[tuple[_Spot, _Spot]]:
    return ((head, spot) for at, spot in enumerate(spots) for head in spots[:at])


def _chained(spots: list[_Spot]) -> Iterable[tuple[_Spot, _Spot]]:
    """A common fingerprint (generated code, rows of look-alike lines): each file's n-th
    occurrence paired with the n-th of the file before, a chain the groups join up."""
    before: list[_Spot] = []
    for _, group in itertools.groupby(spots, key=operator.itemgetter(0)):
        here = list(group)
        yield from zip(before, here, strict=False)
        before = here


def _runs(spots: list[tuple[int, _Spot, _Spot]]) -> Iterable[list[tuple[int, _Spot, _Spot]]]:
    """Split one diagonal's pairs into runs: consecutive ones at most WINDOW tokens apart."""
    spots.sort()
    run = [spots[0]]
    for spot in spots[1:]:
        if spot[0] - run[-1][0] > WINDOW:
            yield run
            run = []
        run.append(spot)
    yield run


_Kept = dict[tuple[int, int], list[tuple[CloneLocation, CloneLocation, int]]]


def _long_enough(
    paths: list[str], runs: list[tuple[tuple[int, int, int], _Run]], min_tokens: int, min_lines: int
) -> _Kept:
    """(copy, other copy, tokens) of the runs long enough, by pair of files; a file's own
    runs only when the copies are apart and not a row of look-alikes."""
    periodic = _periodic(runs)
    kept: _Kept = defaultdict(list)
    for (first, other, shift), run in runs:
        tokens = run[-1][0] - run[0][0] + KGRAM
        here = _location(paths[first], run[0][1], run[-1][1])
        there = _location(paths[other], run[0][2], run[-1][2])
        if tokens < min_tokens or min(here.lines, there.lines) < min_lines:
            continue
        if first == other and (here.end >= there.start or _repeats(periodic, first, shift, run)):
            continue
        kept[first, other].append((here, there, tokens))
    return kept


def _longest(
    pairs: list[tuple[CloneLocation, CloneLocation, int]],
) -> list[tuple[CloneLocation, CloneLocation, int]]:
    """Between two files, one stretch of each is paired with one of the other: rows of
    look-alike lines match at every shift, and only the longest match is the copy."""
    if len(pairs) == 1:
        return pairs
    chosen: list[tuple[CloneLocation, CloneLocation, int]] = []
    for pair in sorted(pairs, key=lambda p: -p[2]):
        here, there, _ = pair
        if not any(_overlap(here, h) or _overlap(there, t) for h, t, _ in chosen):
            chosen.append(pair)
    return chosen


def _overlap(one: CloneLocation, other: CloneLocation) -> bool:
    return one.start <= other.end and other.start <= one.end


def _periodic(
    runs: list[tuple[tuple[int, int, int], _Run]],
) -> dict[int, list[tuple[int, int, int]]]:
    """(shift, first token, last token) of the runs of each file matching itself."""
    found: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for (first, other, shift), run in runs:
        if first == other:
            found[first].append((shift, run[0][0], run[-1][0]))
    return found


def _repeats(
    periodic: dict[int, list[tuple[int, int, int]]], file: int, shift: int, run: _Run
) -> bool:
    """Repetitive code (a row of look-alike methods or tests) matches itself at every multiple
    of its period: a match covered by one at a smaller shift is the same row, not a copy."""
    start, end = run[0][0], run[-1][0]
    return any(
        other < shift and first <= start and last >= end for other, first, last in periodic[file]
    )


def _location(path: str, first: _Spot, last: _Spot) -> CloneLocation:
    return CloneLocation(path, first[2], max(first[3], last[3]))
