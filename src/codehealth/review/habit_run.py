"""``codehealth reviews``' run step: the main line's changes in the window, each judged once.

What a change touched and the reasons read from contents (API, DEPENDENCY, MODULE) are kept
per commit in ``.codehealth/reviews.sqlite`` (the shared Cache, keyed by the commit and the
settings they depend on): a rerun reads the diffs and blobs of new commits only. SIZE and
HOTSPOT are cheap and follow the settings of the run; hotspots come from the cached commit
log of ``hotspots`` (``git log LAST..HEAD``).
"""

from __future__ import annotations

import calendar
import contextlib
import functools
import hashlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass

from codehealth.adapters.cache import Cache
from codehealth.adapters.git import (
    HistoryUnavailable,
    main_line_steps,
    repository_facts,
)
from codehealth.core import (
    Commit,
    ConfigError,
    MainLineStep,
    ReviewReason,
    Settings,
    is_test_path,
    review_level,
)
from codehealth.history import PathFilter, select_commits, window_start
from codehealth.hotspots import CommitLog
from codehealth.review.guidance import hotspot_reasons
from codehealth.review.habit import hotspots_before, size_reason
from codehealth.review.habit_walk import FileKinds, Judged, judge_changes
from codehealth.review.months import ReviewedChange, ReviewsReport, month_of, reviews_report

# 2: a change's size counts its Python files only; 3: each path's lines; 4: new complex functions
_FORMAT = 4


@dataclass(frozen=True, slots=True)
class ReviewsOptions:
    """``window``: the months shown (None: ``[tool.codehealth.history] window``, which is
    also the span before each month in which its hotspots are counted); ``now``: the clock
    when None;
    ``last``: only the newest changes of the window (0: all)."""

    window: str | None = None
    use_cache: bool = True
    now: float | None = None
    last: int = 0  # only the newest changes of the window (0: all)


def run_reviews(root: str, settings: Settings, options: ReviewsOptions) -> ReviewsReport:
    """The review habit of the repository at ``root``; HistoryUnavailable (exit 2) without
    commits, ConfigError for a window that does not parse."""
    root = os.path.abspath(root)
    window = options.window or settings.history.window
    now = time.time() if options.now is None else options.now
    try:
        start = window_start(window, now)
    except ValueError as error:
        raise ConfigError(str(error)) from None
    facts = repository_facts(root)
    if not facts.head:
        raise HistoryUnavailable("the repository has no commits yet: there is no change to judge")
    notes: list[str] = []
    steps = _steps(root, start, facts.shallow, notes)
    steps = steps[: options.last] if options.last else steps
    cache_dir = os.path.join(root, settings.cache_dir) if options.use_cache else None
    judged = _judged(root, steps, settings, cache_dir, notes)
    commit_log = CommitLog(root, facts.toplevel, facts.head, cache_dir, facts.shallow)
    commits = _selected(commit_log.commits(), settings)
    notes.extend(commit_log.notes)
    reviewed = _reviewed(steps, judged, commits, settings)
    notes.append(
        "every change counts, bots' too; hotspots are counted from people's commits "
        "(bots left out, as `codehealth hotspots` counts them)"
    )
    return reviews_report(reviewed, window, settings.review.design_share, notes)


def _steps(root: str, start: float | None, shallow: bool, notes: list[str]) -> list[MainLineStep]:
    """The main line in the window, newest first; a shallow clone's cut is not a change."""
    steps = main_line_steps(root, None if start is None else int(start))
    if shallow:
        cut = [step for step in steps if step.root]
        steps = [step for step in steps if not step.root]
        if cut:
            notes.append(
                f"shallow clone: the history stops at {cut[-1].sha[:7]}, which is left out "
                "(its diff would be the whole tree); `git fetch --unshallow` reads the rest"
            )
    if len(steps) == 1 and steps[0].root:
        notes.append("one commit: the first commit is the only change")
    return steps


def _settings_key(settings: Settings) -> str:
    """What the cached reasons depend on: the files read, how modules are named and what a
    complexity rise is."""
    history = settings.history
    text = repr(
        (
            history.include,
            history.exclude,
            settings.excluded_patterns,
            history.module_depth,
            settings.tests,
            settings.exclude_hidden,
            settings.exclude_vendored,
            settings.thresholds,
            settings.gate.complexity_step,
        )
    )
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def _judged(
    root: str,
    steps: Sequence[MainLineStep],
    settings: Settings,
    cache_dir: str | None,
    notes: list[str],
) -> dict[str, Judged]:
    """Each step's judgement, from the cache or read now (and then cached)."""
    cache = Cache(cache_dir, f"reviews/{_FORMAT}", filename="reviews.sqlite") if cache_dir else None
    digest = _settings_key(settings)
    keys = {step.sha: f"{step.sha}:{digest}" for step in steps}
    found: dict[str, Judged] = {}
    if cache is not None:
        for sha, text in _cached(cache, keys).items():
            with contextlib.suppress(ValueError, TypeError, KeyError):  # damaged: judged again
                found[sha] = _decode(text)
    missing = [step for step in steps if step.sha not in found]
    analysed = _path_filter(settings)
    production = functools.partial(_production, settings)
    kinds = FileKinds(analysed, production, settings.thresholds, settings.gate.complexity_step)
    fresh = judge_changes(root, missing, kinds, settings.history.module_depth)
    found.update(fresh)
    if cache is not None:
        cache.put_many((keys[sha], _encode(judged)) for sha, judged in fresh.items())
        cache.close()
        notes.extend(cache.notes)
    return found


def _cached(cache: Cache, keys: dict[str, str]) -> dict[str, str]:
    texts = cache.get_many(list(keys.values()))
    return {sha: texts[key] for sha, key in keys.items() if key in texts}


def _path_filter(settings: Settings) -> PathFilter:
    history = settings.history
    return PathFilter(
        history.include,
        (*history.exclude, *settings.excluded_patterns),
        hidden=settings.exclude_hidden,
        vendored=settings.exclude_vendored,
    )


def _selected(raw: list[Commit], settings: Settings) -> list[Commit]:
    return select_commits(raw, _path_filter(settings), settings.history.bots)


def _reviewed(
    steps: Sequence[MainLineStep],
    judged: dict[str, Judged],
    commits: list[Commit],
    settings: Settings,
) -> list[ReviewedChange]:
    """Each step with its level: cached reasons, then SIZE and the month's hotspots."""
    hotspots: dict[str, dict[str, int]] = {}
    reviewed = []
    for step in steps:
        month = month_of(step.timestamp)
        if month not in hotspots:
            hotspots[month] = _month_hotspots(month, commits, settings)
        facts = judged[step.sha]
        reasons: list[ReviewReason] = list(facts.reasons)
        size = size_reason(facts.files, facts.lines, settings.gate)
        reasons += [size] if size is not None else []
        min_lines = settings.review.hotspot_min_lines
        reasons += hotspot_reasons(dict(facts.paths), hotspots[month], min_lines)
        level = review_level(reasons, settings.review)
        reviewed.append(
            ReviewedChange(
                step.sha,
                month,
                step.author,
                step.merge,
                level.level,
                level.reasons,
                facts.files,
                facts.lines,
                facts.api_packages,
                facts.notes,
            )
        )
    return reviewed


def _month_hotspots(month: str, commits: list[Commit], settings: Settings) -> dict[str, int]:
    """The hotspots as of the month's first day: the files changed most in the history
    window (``[tool.codehealth.history] window``, whatever months are shown) before it."""
    year, number = (int(part) for part in month.split("-"))
    moment = calendar.timegm((year, number, 1, 0, 0, 0, 0, 0, 0))
    try:
        start = window_start(settings.history.window, moment)
    except ValueError as error:
        raise ConfigError(f"[tool.codehealth.history] window: {error}") from None
    span = None if start is None else moment - start
    production = functools.partial(_production, settings)
    return hotspots_before(commits, moment, span, settings.review.hotspots, production)


def _production(settings: Settings, path: str) -> bool:
    return not is_test_path(path, settings.tests)


def _encode(judged: Judged) -> str:
    document = {
        "files": judged.files,
        "lines": judged.lines,
        "paths": [list(pair) for pair in judged.paths],
        "reasons": [[reason.kind, reason.text] for reason in judged.reasons],
        "api": list(judged.api_packages),
        "notes": list(judged.notes),
    }
    return json.dumps(document, separators=(",", ":"))


def _decode(text: str) -> Judged:
    document = json.loads(text)
    return Judged(
        int(document["files"]),
        int(document["lines"]),
        tuple((str(path), int(lines)) for path, lines in document["paths"]),
        tuple(ReviewReason(str(kind), str(words)) for kind, words in document["reasons"]),
        tuple(str(name) for name in document["api"]),
        tuple(str(note) for note in document["notes"]),
    )
