"""Truck factor (Avelino et al., "A novel approach for estimating truck factors", 2016).

Degree of authorship of author *a* on file *f*:
``DOA = 3.293 + 1.098*FA + 0.164*DL - 0.321*ln(1 + AC)`` where FA is 1 when *a* created *f*,
DL the number of *a*'s commits to *f* and AC the commits of everybody else. *a* is an author
of *f* when ``DOA / max DOA on f > 0.75`` and ``DOA >= 3.293`` (or *a* created *f*). The truck
factor removes the author of the most files, again and again, until fewer than half of the
files have an author left: it is the number of people removed.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from codehealth.history.files import FileHistory

_NORMALISED_MIN = 0.75
_ABSOLUTE_MIN = 3.293


@dataclass(frozen=True, slots=True)
class TruckFactor:
    scope: str  # "(repository)" or a module name
    factor: int
    files: int
    people: tuple[str, ...]  # the authors whose loss orphans half of the files, in order


def degree_of_authorship(created: bool, own_commits: int, other_commits: int) -> float:
    return (
        3.293
        + 1.098 * (1 if created else 0)
        + 0.164 * own_commits
        - 0.321 * math.log(1 + other_commits)
    )


def file_authors(facts: FileHistory) -> frozenset[str]:
    total = facts.revisions
    degrees = {
        name: degree_of_authorship(name == facts.creator, share.commits, total - share.commits)
        for name, share in facts.authors.items()
    }
    if not degrees:
        return frozenset()
    best = max(degrees.values())
    if best <= 0:
        return frozenset()
    return frozenset(
        name
        for name, degree in degrees.items()
        if degree / best > _NORMALISED_MIN and (degree >= _ABSOLUTE_MIN or name == facts.creator)
    )


def truck_factor(scope: str, authorship: Mapping[str, frozenset[str]]) -> TruckFactor:
    """``authorship``: file -> its authors (``file_authors``)."""
    total = len(authorship)
    if total == 0:
        return TruckFactor(scope, 0, 0, ())
    remaining = {path: set(names) for path, names in authorship.items()}
    removed: list[str] = []
    while sum(1 for names in remaining.values() if names) * 2 >= total:
        counts: dict[str, int] = defaultdict(int)
        for names in remaining.values():
            for name in names:
                counts[name] += 1
        if not counts:
            break
        top = min(counts, key=lambda name: (-counts[name], name))
        removed.append(top)
        for names in remaining.values():
            names.discard(top)
    return TruckFactor(scope, len(removed), total, tuple(removed))


def truck_factors(
    histories: Iterable[FileHistory], modules: Mapping[str, str]
) -> tuple[TruckFactor, list[TruckFactor]]:
    """The repository's truck factor and each module's (``modules``: file -> module), over
    the files in ``modules`` (the files that exist today)."""
    authorship = {facts.path: file_authors(facts) for facts in histories if facts.path in modules}
    per_module: dict[str, dict[str, frozenset[str]]] = defaultdict(dict)
    for path, names in authorship.items():
        per_module[modules[path]][path] = names
    rows = [truck_factor(name, files) for name, files in sorted(per_module.items())]
    rows.sort(key=lambda row: (row.factor, -row.files, row.scope))
    return truck_factor("(repository)", authorship), rows
