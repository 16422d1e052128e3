"""The review guidance use case: the gate's facts of the change, the cached history, and
the subjects of the example commits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from codehealth.adapters.git import commit_subjects
from codehealth.core import Settings
from codehealth.review.guidance import (
    HistoryParts,
    ReviewHistory,
    history_parts,
    review_guidance,
)
from codehealth.review.history_step import review_history
from codehealth.review.model import ChangeFacts, ReviewGuidance

SHORT_SHA = 7


def run_review(
    root: str,
    facts: ChangeFacts,
    base: str,
    settings: Settings,
    *,
    staged: bool = False,
    use_cache: bool = True,
) -> ReviewGuidance:
    """The guidance for the change from ``base`` (a commit; git's empty tree before a first
    commit) described by ``facts``."""
    history, notes = review_history(root, base, settings, staged=staged, use_cache=use_cache)
    return guidance_of(root, facts, history, notes, settings)


def guidance_of(
    root: str,
    facts: ChangeFacts,
    history: ReviewHistory | None,
    notes: Sequence[str],
    settings: Settings,
) -> ReviewGuidance:
    """The guidance from the history read (None: the parts that need none), the example
    commits worded with their subjects."""
    parts = history_parts(facts, history, settings) if history is not None else HistoryParts()
    if parts.missing_cochanges:
        subjects = commit_subjects(root, [row.example for row in parts.missing_cochanges])
        rows = tuple(
            replace(row, example=_example(row.example, subjects.get(row.example, "")))
            for row in parts.missing_cochanges
        )
        parts = replace(parts, missing_cochanges=rows)
    return review_guidance(facts, parts, settings, notes)


def _example(sha: str, subject: str) -> str:
    return f"{sha[:SHORT_SHA]} {subject}".strip() if sha else ""
