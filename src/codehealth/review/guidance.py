"""The review guidance of a change from what the gate found and the window's history (pure).

The level comes from ``core.review_level``: each reason kind raises the change to the level
``[tool.codehealth.review] levels`` gives it (by default hotspot, complexity and co-change to
careful; api, dependency, module and size to design).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from codehealth.core import (
    API,
    COCHANGE,
    COMPLEXITY,
    DEPENDENCY,
    HOTSPOT,
    MODULE,
    SIZE,
    Commit,
    ReviewReason,
    ReviewSettings,
    Settings,
    percent,
    review_level,
)
from codehealth.history import file_histories
from codehealth.review.cochanges import missing_cochanges
from codehealth.review.model import (
    ChangeFacts,
    MissingCochange,
    Reviewer,
    ReviewGuidance,
    TouchedHotspot,
)
from codehealth.review.reviewers import suggested_reviewers
from codehealth.review.touched import touched_hotspots


@dataclass(frozen=True, slots=True)
class ReviewHistory:
    """The history the guidance reads: the window's commits (newest first, bots and
    excluded files out, renames followed to the names at the base, the change's own
    commits out), the files that may be named (at the base, not tests), the change's own
    authors, and the window as written and as a span."""

    commits: tuple[Commit, ...]
    alive: frozenset[str]
    authors: frozenset[str]
    window: str
    start: float | None
    now: float


@dataclass(frozen=True, slots=True)
class HistoryParts:
    """What the guidance reads from the history (empty without it)."""

    hotspots: tuple[TouchedHotspot, ...] = ()
    missing_cochanges: tuple[MissingCochange, ...] = ()
    reviewers: tuple[Reviewer, ...] = ()


def history_parts(facts: ChangeFacts, history: ReviewHistory, settings: Settings) -> HistoryParts:
    """The touched hotspots, the missing co-changes (their examples as shas) and the
    suggested reviewers."""
    review = settings.review
    histories = file_histories(history.commits, history.start, history.now)
    hotspots = touched_hotspots(histories, facts, history.alive, review.hotspots, history.window)
    missing = missing_cochanges(
        history.commits, facts, history.alive, review, settings.history.huge_commit
    )
    files = [(hot.path, _history_name(facts, hot.path)) for hot in hotspots]
    reviewers = suggested_reviewers(histories, files, history.authors, review.reviewers)
    return HistoryParts(tuple(hotspots), tuple(missing), tuple(reviewers))


def review_guidance(
    facts: ChangeFacts, parts: HistoryParts, settings: Settings, notes: Sequence[str] = ()
) -> ReviewGuidance:
    """The guidance with its level from every reason."""
    review = settings.review
    reasons = review_reasons(facts, parts.hotspots, parts.missing_cochanges, review)
    level = review_level(reasons, review)
    return ReviewGuidance(
        level,
        parts.hotspots,
        parts.missing_cochanges,
        parts.reviewers,
        tuple(notes),
        level.at_least(review.fail_at),
        review.fail_at,
    )


def _history_name(facts: ChangeFacts, head_path: str) -> str:
    """The name the history knows a touched file by (its base-side path)."""
    for change in facts.changes:
        if (change.path or change.old_path) == head_path:
            return change.old_path or change.path
    return head_path


def review_reasons(
    facts: ChangeFacts,
    hotspots: Sequence[TouchedHotspot],
    missing: Sequence[MissingCochange],
    settings: ReviewSettings,
) -> list[ReviewReason]:
    """Every reason for attention, in the order the kinds are listed. A touched hotspot is
    one when the change alters at least ``hotspot_min_lines`` of its lines."""
    lines = dict(facts.lines)
    reasons = [ReviewReason(SIZE, facts.size)] if facts.size else []
    reasons += [ReviewReason(API, text) for text in facts.api]
    reasons += [ReviewReason(DEPENDENCY, text) for text in facts.dependencies]
    reasons += [ReviewReason(MODULE, text) for text in _new_packages(facts)]
    ranks = {hot.path: hot.rank for hot in hotspots}
    reasons += hotspot_reasons(lines, ranks, settings.hotspot_min_lines)
    reasons += [
        ReviewReason(
            COMPLEXITY,
            f"{rise.path}: {rise.qualname} {rise.words} rose {rise.before} → {rise.after}",
        )
        for rise in facts.rises
    ]
    reasons += [ReviewReason(COMPLEXITY, text) for text in facts.new_complex]
    reasons += [
        ReviewReason(
            COCHANGE,
            f"{row.path} usually changes with {row.with_} ({percent(row.degree)} of its "
            "commits) but not here",
        )
        for row in missing
    ]
    return reasons


def hotspot_reasons(
    lines: Mapping[str, int], hotspots: Mapping[str, int], min_lines: int
) -> list[ReviewReason]:
    """HOTSPOT for each hotspot the change alters by ``min_lines`` lines or more (``lines``:
    each touched file's), in the gate's guidance and in ``reviews``."""
    return [
        ReviewReason(HOTSPOT, f"changes {lines[path]} lines of hotspot #{hotspots[path]} {path}")
        for path in sorted(lines, key=lambda p: (hotspots.get(p, 0), p))
        if path in hotspots and lines[path] >= min_lines
    ]


def _new_packages(facts: ChangeFacts) -> list[str]:
    return [
        f"adds the package {posixpath.dirname(c.path) or '.'} ({c.path})"
        for c in facts.changes
        if c.status == "A" and posixpath.basename(c.path) == "__init__.py"
    ]
