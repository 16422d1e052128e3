"""Change coupling (code-maat's ``coupling`` analysis): files that change together.

degree = shared revisions / average revisions of the two files; a pair is kept when the
average is at least ``min_revisions``, the shared revisions at least ``min_shared`` and the
degree at least ``min_degree``. Commits touching more than ``huge_commit`` files (mass
reformatting, licence headers, imports sorted everywhere) are left out entirely.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass
from itertools import combinations

from codehealth.core import Commit


@dataclass(frozen=True, slots=True)
class Coupling:
    first: str
    second: str
    shared: int
    average_revisions: float
    degree: float  # 0..1


def change_coupling(
    commits: Iterable[Commit],
    *,
    alive: Container[str] | None = None,
    huge_commit: int = 30,
    min_revisions: int = 5,
    min_shared: int = 5,
    min_degree: float = 0.30,
) -> list[Coupling]:
    """Coupled pairs, strongest first. ``alive``: only files that exist today."""
    revisions, shared = _counted(commits, alive, huge_commit)
    pairs: list[Coupling] = []
    for (first, second), together in shared.items():
        if together < min_shared:
            continue
        average = (revisions[first] + revisions[second]) / 2
        degree = together / average
        if average >= min_revisions and degree >= min_degree:
            pairs.append(Coupling(first, second, together, average, degree))
    pairs.sort(key=lambda p: (-p.degree, -p.shared, p.first, p.second))
    return pairs


def _counted(
    commits: Iterable[Commit], alive: Container[str] | None, huge_commit: int
) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """The revisions of each file and of each pair of files, commits of more than
    ``huge_commit`` files left out."""
    revisions: Counter[str] = Counter()
    shared: Counter[tuple[str, str]] = Counter()
    for commit in commits:
        paths = sorted({c.path for c in commit.changes if alive is None or c.path in alive})
        if not paths or len(paths) > huge_commit:
            continue
        revisions.update(paths)
        if len(paths) > 1:
            shared.update(combinations(paths, 2))
    return revisions, shared
