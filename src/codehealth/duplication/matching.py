"""Fingerprints of many files -> clone groups.

Equal fingerprints are grouped by hash; the occurrences of a hash are paired with each other,
or, above ``ALL_PAIRS`` occurrences, in a chain from file to file (a hash found in 3,000
generated files gives 2,999 pairs, not 4.5 million). Pairs on the same two files and the
same diagonal (the same token offset between the copies) whose fingerprints follow each
other within a winnowing window are one shared run: the region from its first fingerprint
to its last one's end (grouping.py merges them into groups). The pairs are made and matched
file by file (spots.py), so only one file's diagonals are in memory at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from codehealth.core import CloneGroup, CloneLocation, Fingerprints
from codehealth.duplication.fingerprints import KGRAM, LOGIC_BIT, WINDOW
from codehealth.duplication.grouping import Pair, merged_groups
from codehealth.duplication.spots import Spots

# a shared run: (spot, other file's spot) of each pair on it, in token order
_Run = list[tuple[int, int]]
# (other file, token offset, run) of one file's runs
_Runs = list[tuple[int, int, _Run]]


def clone_groups(
    prints: Mapping[str, Fingerprints], min_tokens: int, min_lines: int
) -> tuple[CloneGroup, ...]:
    """The clone groups among ``prints`` (by path), each copy at least ``min_tokens``
    tokens and ``min_lines`` lines long, largest groups first."""
    paths = sorted(prints)
    spots = Spots(paths, prints)
    # a run of fewer fingerprints than this spans fewer than ``min_tokens`` tokens
    least = 1 + max(0, -(-(min_tokens - KGRAM) // WINDOW))
    hashes = spots.hashes
    pairs: list[Pair] = []
    for file in range(len(paths)):
        runs = [
            (other, shift, run)
            for other, shift, diagonal in spots.diagonals(file)
            if len(diagonal) >= least
            for run in _runs(diagonal, spots)
            if len(run) >= least and any(hashes[spot] & LOGIC_BIT for spot, _ in run)
        ]
        kept = _Kept(paths, spots, file).of(runs, min_tokens, min_lines)
        pairs += (pair for found in kept.values() for pair in _longest(found))
    return tuple(merged_groups(pairs))


def _runs(diagonal: list[tuple[int, int]], spots: Spots) -> Iterable[_Run]:
    """Split one diagonal's pairs (in token order) into runs: consecutive ones at most WINDOW
    tokens apart."""
    indexes = spots.indexes
    run = [diagonal[0]]
    for pair in diagonal[1:]:
        if indexes[pair[0]] - indexes[run[-1][0]] > WINDOW:
            yield run
            run = []
        run.append(pair)
    yield run


class _Kept:
    """The runs of one file (``first``) long enough to be copies."""

    def __init__(self, paths: list[str], spots: Spots, first: int) -> None:
        self.paths, self.spots, self.first = paths, spots, first

    def of(self, runs: _Runs, min_tokens: int, min_lines: int) -> dict[int, list[Pair]]:
        """(copy, other copy, tokens) of the runs long enough, by other file; the file's own
        runs only when the copies are apart and not a row of look-alikes."""
        first, indexes = self.first, self.spots.indexes
        # (shift, first token, last token) of the runs of the file matching itself
        periodic = [
            (shift, indexes[run[0][0]], indexes[run[-1][0]])
            for other, shift, run in runs
            if other == first
        ]
        kept: dict[int, list[Pair]] = defaultdict(list)
        for other, shift, run in runs:
            start, end = indexes[run[0][0]], indexes[run[-1][0]]
            tokens = end - start + KGRAM
            here = self._location(first, run[0][0], run[-1][0])
            there = self._location(other, run[0][1], run[-1][1])
            if tokens < min_tokens or min(here.lines, there.lines) < min_lines:
                continue
            if first == other and (
                here.end >= there.start or _repeats(periodic, shift, start, end)
            ):
                continue
            kept[other].append((here, there, tokens))
        return kept

    def _location(self, file: int, first: int, last: int) -> CloneLocation:
        spots = self.spots
        return CloneLocation(
            self.paths[file], spots.starts[first], max(spots.ends[first], spots.ends[last])
        )


def _longest(pairs: list[Pair]) -> list[Pair]:
    """Between two files, one stretch of each is paired with one of the other: rows of
    look-alike lines match at every shift, and only the longest match is the copy."""
    if len(pairs) == 1:
        return pairs
    chosen: list[Pair] = []
    for pair in sorted(pairs, key=lambda p: -p[2]):
        here, there, _ = pair
        if not any(_overlap(here, h) or _overlap(there, t) for h, t, _ in chosen):
            chosen.append(pair)
    return chosen


def _overlap(one: CloneLocation, other: CloneLocation) -> bool:
    return one.start <= other.end and other.start <= one.end


def _repeats(periodic: list[tuple[int, int, int]], shift: int, start: int, end: int) -> bool:
    """Repetitive code (a row of look-alike methods or tests) matches itself at every multiple
    of its period: a match covered by one at a smaller shift is the same row, not a copy."""
    return any(other < shift and first <= start and last >= end for other, first, last in periodic)
