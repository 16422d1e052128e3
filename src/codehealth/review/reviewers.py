"""Suggested reviewers: who wrote the touched hotspots in the window (pure).

Names are git's after ``.mailmap``; bots are out already (their commits are not selected).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from codehealth.history import FileHistory, file_ownership
from codehealth.review.model import Reviewer


def suggested_reviewers(
    histories: Mapping[str, FileHistory],
    files: Sequence[tuple[str, str]],
    exclude: Collection[str],
    limit: int,
) -> list[Reviewer]:
    """At most ``limit`` authors of ``files`` ((head path, path in the history) pairs)
    by their share of the lines added to them in the window (of the commits where no
    lines were added), the change's own authors (``exclude``) left out. A reviewer's
    ``files`` are those they are among the three best experts of."""
    weights: dict[str, float] = defaultdict(float)
    known: dict[str, list[str]] = defaultdict(list)
    for head_path, path in files:
        facts = histories.get(path)
        if facts is not None:
            for name, weight in _weights(facts).items():
                weights[name] += weight
            for name in file_ownership(facts).experts:
                known[name].append(head_path)
    total = sum(weights.values())
    ranked = sorted(
        (name for name in weights if name not in exclude and weights[name] > 0),
        key=lambda name: (-weights[name], name),
    )
    return [
        Reviewer(name, tuple(known.get(name, ())), weights[name] / total)
        for name in ranked[: max(limit, 0)]
    ]


def _weights(facts: FileHistory) -> dict[str, float]:
    """Each author's added lines (commits when the file's history added none)."""
    if sum(share.added for share in facts.authors.values()) > 0:
        return {name: float(share.added) for name, share in facts.authors.items()}
    return {name: float(share.commits) for name, share in facts.authors.items()}
