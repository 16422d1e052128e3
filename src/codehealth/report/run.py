"""The report use case: every other use case run once, their results kept for the HTML page.

The boundaries run first; their findings go into the debt through ``run_debt``'s seam
(``extra_findings``, what ``debt`` does by default), so the check is not run twice. The debt
and today's metrics come from the hotspots run (one measurement), the plan from the same mined
history (``plan_from``). Outside git, without commits, or when a history part cannot be
computed (a clone too shallow for the window, a history git cannot read), that part is left
out and the page says why; the page is always written.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from codehealth.adapters.git import HistoryUnavailable, repository_facts
from codehealth.boundaries import run_boundaries
from codehealth.core import BoundaryReport, ConfigError, Settings, error_text, isolated
from codehealth.debt import measure_debt
from codehealth.history import HistoryRun, run_history
from codehealth.hotspots import HotspotsOptions, HotspotsReport, run_hotspots
from codehealth.plan import Budget, Plan, plan_from
from codehealth.report.html import ReportFacts
from codehealth.review import ReviewsOptions, ReviewsReport, run_reviews


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How the report is made: the project measured and its history mined as ``mining``
    says (settings, caches, progress, window, now); ``history_limit``: with an empty history
    store, the trend starts that many commits below HEAD (``history --limit``)."""

    mining: HotspotsOptions = field(default_factory=HotspotsOptions)
    history_limit: int | None = None


def run_report(
    budget: Budget, root: str = ".", options: ReportOptions | None = None
) -> ReportFacts:
    """The facts of the report for the project at ``root``."""
    options = options or ReportOptions()
    root = os.path.abspath(root)
    settings = options.mining.measuring.settings_at(root)
    measuring = replace(options.mining.measuring, settings=settings)
    now = time.time() if options.mining.now is None else options.mining.now
    notes: list[str] = []
    boundaries = _boundaries(root, settings, measuring.use_cache, notes)
    found = [v.finding for v in boundaries.violations] if boundaries is not None else []
    mining = replace(
        options.mining,
        measuring=measuring,
        now=now,
        extra_findings=(*options.mining.extra_findings, *found),
    )
    head = _head(root, notes)
    hotspots: HotspotsReport | None = None
    plan: Plan | None = None
    history: HistoryRun | None = None
    mined = (
        _part("hotspots and refactor plan", notes, lambda: run_hotspots(root, mining))
        if head
        else None
    )
    if mined is not None:
        debt, hotspots, measured = mined.debt, mined.report, mined.measured
        plan = plan_from(mined, budget, settings)
    else:
        debt, measured = measure_debt((), root, measuring, extra_findings=mining.extra_findings)
    if head:
        history = _part(
            "trend",
            notes,
            lambda: run_history(
                root, settings=settings, limit=options.history_limit, measured=measured
            ),
        )
    reviews: ReviewsReport | None = None
    if head:
        habit = ReviewsOptions(options.mining.window, measuring.use_cache, now)
        reviews = _part("review habit", notes, lambda: run_reviews(root, settings, habit))
    metrics = measured.files
    notes += _history_notes(hotspots, history, {*debt.incomplete, *debt.notes})
    return ReportFacts(
        project=os.path.basename(root) or root,
        generated=now,
        debt=debt,
        metrics=metrics,
        hotspots=hotspots,
        boundaries=boundaries,
        plan=plan,
        history=history,
        notes=tuple(notes),
        reviews=reviews,
    )


def _head(root: str, notes: list[str]) -> str:
    """HEAD's commit, or "" with a note saying why the history parts are missing."""
    try:
        facts = repository_facts(root)
    except ConfigError:
        notes.append(
            "not a git repository: no trend, hotspots or refactor plan (they need history)"
        )
        return ""
    if not facts.head:
        notes.append("the repository has no commits yet: no trend, hotspots or refactor plan")
    return facts.head


def _history_notes(
    hotspots: HotspotsReport | None, history: HistoryRun | None, shown: set[str]
) -> list[str]:
    """The notes of the history parts the page does not show otherwise (truncation, blobs
    git cannot read...), each once; today's files not analysed are in the debt's notes."""
    found: list[str] = []
    for note in (*(hotspots.notes if hotspots else ()), *(history.notes if history else ())):
        if note not in shown and note not in found and not note.startswith("not analysed: "):
            found.append(note)
    return found


_T = TypeVar("_T")


def _part(name: str, notes: list[str], compute: Callable[[], _T]) -> _T | None:
    """One history part of the page, or None with a note saying it is missing and why (the
    page is written without it: a history git cannot read, a clone too shallow, ...)."""

    def history_part() -> _T | None:
        try:
            return compute()
        except HistoryUnavailable as error:  # a ConfigError, but only this part's
            notes.append(f"no {name}: {error}")
            return None

    return isolated(history_part, lambda error: notes.append(f"no {name}: {error_text(error)}"))


def _boundaries(
    root: str, settings: Settings, use_cache: bool, notes: list[str]
) -> BoundaryReport | None:
    return isolated(
        lambda: run_boundaries(root, settings=settings, use_cache=use_cache),
        lambda error: notes.append(f"boundaries check failed: {error_text(error)}"),
    )
