"""Which functions a commit changed: hunks of ``git log -p -U0`` carried forward to today's
line numbers, so a function's changes are counted without ``git log -L`` per function.

Commits come newest first. The changed lines of a commit are in the coordinates of the file
right after it; every newer commit shifts them (lines inserted or deleted above) or swallows
them (a line rewritten later is placed at the start of the rewrite). Only the ends of each
changed range are carried, so the cost is hunks x newer commits, not lines.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple


class Hunk(NamedTuple):
    """``@@ -old_start,old_count +new_start,new_count @@``."""

    old_start: int
    old_count: int
    new_start: int
    new_count: int


class _Transform:
    """One commit's hunks, ready to move a line from before the commit to after it in
    O(log hunks): the last hunk starting at or above the line decides."""

    __slots__ = ("hunks", "starts")

    def __init__(self, hunks: Sequence[Hunk]) -> None:
        self.hunks = [
            (
                hunk.old_start,
                hunk.old_count,
                max(hunk.new_start, 1),
                hunk.old_start + hunk.old_count if hunk.old_count else hunk.old_start + 1,
                hunk.new_start + hunk.new_count if hunk.new_count else hunk.new_start + 1,
            )
            for hunk in hunks
        ]
        self.starts = [hunk.old_start if hunk.old_count else hunk.old_start + 1 for hunk in hunks]

    def forward(self, line: int) -> int:
        index = bisect.bisect_right(self.starts, line) - 1
        if index < 0:
            return line
        old_start, old_count, new_start, old_end, new_end = self.hunks[index]
        if old_count and line < old_start + old_count:
            return new_start  # rewritten by this commit: placed at the start of the rewrite
        return line - old_end + new_end


def _changed_ranges(hunks: Sequence[Hunk]) -> list[tuple[int, int]]:
    ranges = []
    for hunk in hunks:
        if hunk.new_count:
            ranges.append((hunk.new_start, hunk.new_start + hunk.new_count - 1))
        else:  # a deletion: it happened just below new_start
            point = max(hunk.new_start, 1)
            ranges.append((point, point + 1))
    return ranges


def changed_scopes(
    history: Iterable[Sequence[Hunk]], scopes: Mapping[str, tuple[int, int]]
) -> dict[str, int]:
    """How many commits changed each scope (qualified name -> (first, last) line today).

    ``history``: the hunks of each commit to one file, newest first.
    """
    counts = dict.fromkeys(scopes, 0)
    spans = sorted(scopes.items(), key=lambda item: item[1])
    newer: list[_Transform] = []  # transforms of the newer commits, oldest first
    for hunks in history:
        hunks = sorted(hunks)
        for name in _touched(hunks, newer, spans):
            counts[name] += 1
        newer.insert(0, _Transform(hunks))
    return counts


def _touched(
    hunks: Sequence[Hunk], newer: list[_Transform], spans: list[tuple[str, tuple[int, int]]]
) -> set[str]:
    """The scopes (``spans`` sorted by first line) one commit's ``hunks`` changed, its
    ranges carried forward through the ``newer`` commits to today's lines."""
    touched: set[str] = set()
    for first, last in _changed_ranges(hunks):
        for transform in newer:
            first, last = transform.forward(first), transform.forward(last)
        for name, (begin, end) in spans:
            if begin > last:
                break
            if end >= first:
                touched.add(name)
    return touched
