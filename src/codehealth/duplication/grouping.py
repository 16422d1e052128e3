"""Pairs of copies -> clone groups: copies that overlap in a file are one copy, and copies
linked by pairs are one group (union-find), so three files sharing a function give one group
of three, not three pairs with slightly different bounds."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from codehealth.core import CloneGroup, CloneLocation

Pair = tuple[CloneLocation, CloneLocation, int]  # copy, other copy, tokens


def merged_groups(pairs: Sequence[Pair]) -> list[CloneGroup]:
    """The clone groups of ``pairs``, largest (lines x copies) first."""
    canonical = _merged_spans(loc for here, there, _ in pairs for loc in (here, there))
    sets = _Sets(canonical.values())
    for here, there, _ in pairs:
        sets.join(canonical[here], canonical[there])
    members: dict[CloneLocation, set[CloneLocation]] = defaultdict(set)
    for loc in canonical.values():
        members[sets.root(loc)].add(loc)
    tokens: dict[CloneLocation, int] = {}
    for here, _, count in pairs:
        top = sets.root(canonical[here])
        tokens[top] = min(count, tokens.get(top, count))
    groups = [
        CloneGroup(tokens[top], min(loc.lines for loc in locs), tuple(sorted(locs)))
        for top, locs in members.items()
        if len(locs) > 1
    ]
    groups.sort(key=lambda g: (-g.lines * g.count, g.locations))
    return groups


class _Sets:
    """Union-find over locations; each set's root is its smallest location."""

    def __init__(self, locations: Iterable[CloneLocation]) -> None:
        self.parent = {loc: loc for loc in locations}

    def root(self, loc: CloneLocation) -> CloneLocation:
        parent = self.parent
        while parent[loc] != loc:
            parent[loc] = parent[parent[loc]]
            loc = parent[loc]
        return loc

    def join(self, one: CloneLocation, other: CloneLocation) -> None:
        a, b = self.root(one), self.root(other)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _merged_spans(locations: Iterable[CloneLocation]) -> dict[CloneLocation, CloneLocation]:
    """Each location -> the union of the overlapping locations of its file."""
    by_file: dict[str, set[CloneLocation]] = defaultdict(set)
    for loc in locations:
        by_file[loc.path].add(loc)
    canonical: dict[CloneLocation, CloneLocation] = {}
    for path, spans in by_file.items():
        ordered = sorted(spans, key=lambda loc: (loc.start, loc.end))
        run = [ordered[0]]
        end = ordered[0].end
        for loc in ordered[1:]:
            if loc.start > end:
                _settle(canonical, path, run, end)
                run, end = [], loc.end
            run.append(loc)
            end = max(end, loc.end)
        _settle(canonical, path, run, end)
    return canonical


def _settle(
    canonical: dict[CloneLocation, CloneLocation], path: str, run: list[CloneLocation], end: int
) -> None:
    union = CloneLocation(path, run[0].start, end)
    for loc in run:
        canonical[loc] = union
