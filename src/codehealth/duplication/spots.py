"""Every fingerprint of a project in flat arrays, and the pairs of equal ones, one file at a time.

A saleor-sized project has ~550,000 fingerprints making ~1,000,000 pairs on ~570,000
diagonals: as Python tuples in lists in a dict they cost ~230 MB. Here each fingerprint is a
number (its rank in (file, token) order) with its columns in ``array``s, equal fingerprints
are found by one sort, and the pairs are made file by file (the pairs whose first copy is in
that file), so only one file's diagonals exist at a time.

The pairs are the ones matching.py describes: the occurrences of a hash are paired with each
other, or, above ``ALL_PAIRS`` occurrences, in a chain from file to file. A file's diagonals
come in the order the pairs would have been made over all hashes, in order of their first
occurrence (which decides ties between equally long matches downstream).
"""

from __future__ import annotations

import itertools
import operator
from array import array
from collections.abc import Iterable, Mapping, Sequence

from codehealth.core import FINGERPRINT_FIELDS, Fingerprints

ALL_PAIRS = 24
# (other file, token offset) -> the pairs on it: (this file's spot, the other file's spot)
Diagonals = dict[tuple[int, int], list[tuple[int, int]]]


class Spots:
    """The fingerprints of ``paths`` numbered in (file, token) order, column by column:
    ``hashes``, ``files`` (file numbers), ``indexes`` (token index), ``starts`` and ``ends``
    (lines); ``offsets[file]`` is its first spot."""

    def __init__(self, paths: Sequence[str], prints: Mapping[str, Fingerprints]) -> None:
        step = FINGERPRINT_FIELDS
        self.hashes = array("q")
        self.indexes, self.starts, self.ends, self.files = (array("i") for _ in range(4))
        self.offsets = array("i", [0])
        for number, path in enumerate(paths):
            rows = prints[path]
            self.hashes.extend(rows[0::step])
            self.indexes.extend(rows[1::step])
            self.starts.extend(rows[2::step])
            self.ends.extend(rows[3::step])
            self.files.extend(itertools.repeat(number, len(rows) // step))
            self.offsets.append(len(self.hashes))
        self.buckets = _Buckets(self.hashes, self.files)

    def diagonals(self, file: int) -> Iterable[tuple[int, int, list[tuple[int, int]]]]:
        """(other file, token offset, pairs) of each diagonal whose first copies are in
        ``file``; pairs in token order, diagonals in the order their pairs are made."""
        buckets, files, indexes = self.buckets, self.files, self.indexes
        found: Diagonals = {}
        first_made: dict[tuple[int, int], int] = {}
        for spot in range(self.offsets[file], self.offsets[file + 1]):
            for made, other in buckets.partners(spot):
                key = (files[other], indexes[other] - indexes[spot])
                pairs = found.get(key)
                if pairs is None:
                    found[key] = [(spot, other)]
                    first_made[key] = made
                else:
                    pairs.append((spot, other))
                    first_made[key] = min(made, first_made[key])
        for key in sorted(found, key=first_made.__getitem__):
            yield key[0], key[1], found[key]


class _Buckets:
    """The spots of each repeated hash, in spot order (one sort of all of them): for each
    spot, where its hash's spots begin and end in ``order``, and where it is itself."""

    def __init__(self, hashes: array[int], files: array[int]) -> None:
        count = len(hashes)
        # hash * count + spot: one sort, each hash's spots kept in spot order
        keys = sorted(
            map(operator.add, map(operator.mul, hashes, itertools.repeat(count)), range(count))
        )
        self.order = array("i", map(operator.mod, keys, itertools.repeat(count)))
        del keys
        self.count = count
        self.begin, self.end, self.at = (array("i", [0]) * count for _ in range(3))
        self.chained = array("i", [-1]) * count  # a common hash's spot: the next file's one
        position = 0
        for _, same in itertools.groupby(self.order, hashes.__getitem__):
            size = sum(1 for _ in same)
            if size > 1:
                self._file(position, position + size, files)
            position += size

    def _file(self, begin: int, end: int, files: array[int]) -> None:
        """File one repeated hash's spots ``order[begin:end]``."""
        order = self.order
        for position in range(begin, end):
            spot = order[position]
            self.begin[spot], self.end[spot], self.at[spot] = begin, end, position
        if end - begin <= ALL_PAIRS:
            return
        before: list[int] = []  # each file's n-th spot chained to the n-th of the file before
        for _, group in itertools.groupby(order[begin:end], files.__getitem__):
            here = list(group)
            for head, spot in zip(before, here, strict=False):
                self.chained[head] = spot
            before = here

    def partners(self, spot: int) -> Iterable[tuple[int, int]]:
        """(when the pair was made, later spot) of each pair ``spot`` heads: the pairs of all
        hashes, hash by hash in order of first occurrence, each hash's in order of its later
        spot (then of its first), as one number."""
        begin, end = self.begin[spot], self.end[spot]
        if end - begin < 2:
            return ()
        count = self.count
        made = (self.order[begin] * count) * count + spot  # + other * count below
        if end - begin > ALL_PAIRS:
            other = self.chained[spot]
            return () if other < 0 else ((made + other * count, other),)
        later = self.order[self.at[spot] + 1 : end]
        return ((made + other * count, other) for other in later)
