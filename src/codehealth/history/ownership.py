"""Who owns a file: main developer (most added lines), share, authors, fragmentation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from codehealth.core import Commit
from codehealth.history.files import FileHistory


@dataclass(frozen=True, slots=True)
class Ownership:
    path: str
    main_developer: str
    share: float  # the main developer's part of the added lines (of the commits if none)
    authors: int
    fragmentation: float  # 1 - sum((a_i / n)^2): 0 = one author, towards 1 = many equal ones
    experts: tuple[str, ...]  # who knows it best, best first (at most three)
    revisions: int = 0  # all of history
    age_months: float = 0.0  # since the last change


def file_ownership(facts: FileHistory, now: float = 0.0) -> Ownership:
    """By added lines; a file whose history added no lines (binary, only deletions) falls
    back to commits."""
    ranked, total = ranked_authors(facts)
    if not ranked or total <= 0:
        return Ownership(facts.path, "", 0.0, 0, 0.0, (), facts.revisions, facts.age_months(now))
    fragmentation = 1.0 - sum((weight / total) ** 2 for _, weight in ranked)
    return Ownership(
        facts.path,
        ranked[0][0],
        ranked[0][1] / total,
        len(ranked),
        max(0.0, fragmentation),
        tuple(name for name, _ in ranked[:3]),
        facts.revisions,
        facts.age_months(now) if now else 0.0,
    )


def ranked_authors(facts: FileHistory) -> tuple[list[tuple[str, float]], int]:
    """Each author's weight (added lines; commits when no lines were added), heaviest
    first, and their total: who knows the file, in order."""
    weights, total = _weights(facts)
    return sorted(weights.items(), key=lambda item: (-item[1], item[0])), total


def _weights(facts: FileHistory) -> tuple[dict[str, float], int]:
    """Each author's added lines and their total; commits when no lines were added."""
    total = sum(share.added for share in facts.authors.values())
    if total > 0:
        return {name: float(share.added) for name, share in facts.authors.items()}, total
    weights = {name: float(share.commits) for name, share in facts.authors.items()}
    return weights, sum(share.commits for share in facts.authors.values())


def author_emails(commits: Iterable[Commit]) -> dict[str, tuple[str, ...]]:
    """Each author name and the e-mails it committed with (both after ``.mailmap``)."""
    found: dict[str, set[str]] = {}
    for commit in commits:
        found.setdefault(commit.author, set()).add(commit.email)
    return {name: tuple(sorted(mails)) for name, mails in found.items()}
