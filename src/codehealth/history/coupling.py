"""Change coupling (code-maat's ``coupling`` analysis): files that change together.

degree = shared revisions / average revisions of the two files; a pair is kept when the
average is at least ``min_revisions``, the shared revisions at least ``min_shared`` and the
degree at least ``min_degree``. Commits touching more than ``huge_commit`` files (mass
reformatting, licence headers, imports sorted everywhere) are left out entirely.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable, Iterator
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
    counted = _counted(commits, alive, huge_commit)
    return _coupled(
        *counted, min_revisions=min_revisions, min_shared=min_shared, min_degree=min_degree
    )


def coupling_of(
    focus: Container[str],
    commits: Iterable[Commit],
    *,
    alive: Container[str] | None = None,
    huge_commit: int = 30,
    min_shared: int = 5,
    min_degree: float = 0.30,
) -> list[Coupling]:
    """``change_coupling``'s pairs holding a ``focus`` file (the gate asks about the files a
    change touches: the revisions of every file still count), with ``min_shared`` also as
    the least average revisions."""
    counted = _counted(commits, alive, huge_commit, focus)
    return _coupled(
        *counted, min_revisions=min_shared, min_shared=min_shared, min_degree=min_degree
    )


def _coupled(
    revisions: Counter[str],
    shared: Counter[tuple[str, str]],
    *,
    min_revisions: int,
    min_shared: int,
    min_degree: float,
) -> list[Coupling]:
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
    commits: Iterable[Commit],
    alive: Container[str] | None,
    huge_commit: int,
    focus: Container[str] | None = None,
) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """The revisions of each file and of each pair of files (of those holding a ``focus``
    file when given), commits of more than ``huge_commit`` files left out."""
    revisions: Counter[str] = Counter()
    shared: Counter[tuple[str, str]] = Counter()
    for commit in commits:
        paths = sorted({c.path for c in commit.changes if alive is None or c.path in alive})
        if not paths or len(paths) > huge_commit:
            continue
        revisions.update(paths)
        if len(paths) > 1:
            pairs = combinations(paths, 2)
            shared.update(pairs if focus is None else _holding(pairs, focus))
    return revisions, shared


def _holding(pairs: Iterable[tuple[str, str]], focus: Container[str]) -> Iterator[tuple[str, str]]:
    return (pair for pair in pairs if pair[0] in focus or pair[1] in focus)
