"""The history the review guidance reads, from the cached commit log of ``hotspots``
(``.codehealth/history-log.sqlite``: a warm run reads only ``git log LAST..HEAD``).

It never blocks the gate: a shallow clone, a repository without history, a git that fails
or a log it cannot read give no history and a note; the guidance then keeps what needs none.
"""

from __future__ import annotations

import os
import sqlite3
import time

from codehealth.adapters.git import (
    EMPTY_TREE,
    GitError,
    HistoryUnavailable,
    commits_between,
    committer_name,
    repository_facts,
    tree_paths,
)
from codehealth.core import Commit, ConfigError, Settings, is_test_path
from codehealth.history import (
    PathFilter,
    follow_renames,
    select_commits,
    unreadable_notes,
    window_start,
)
from codehealth.hotspots import CommitLog
from codehealth.review.guidance import ReviewHistory

SHALLOW = (
    "shallow clone: hotspots, co-changes and reviewers need history; fetch with "
    "fetch-depth: 0 (actions/checkout) or `git fetch --unshallow`"
)
NO_HISTORY = "no history before this change yet: hotspots, co-changes and reviewers need it"
STAGED_COLD = (
    "pre-commit: the commit log is not cached yet, so hotspots, co-changes and reviewers are "
    "left out (run `codehealth hotspots` or `codehealth gate --base ...` once to cache it)"
)
_UNREADABLE = (
    "the review guidance counts the commits that changed it, not their lines (the suggested "
    "reviewers weigh added lines)"
)


def review_history(
    root: str, base: str, settings: Settings, *, staged: bool, use_cache: bool
) -> tuple[ReviewHistory | None, list[str]]:
    """The history before the change at ``base`` (a commit), or None and why not."""
    try:
        return _read(root, base, settings, staged, use_cache)
    except (GitError, HistoryUnavailable, ConfigError, ValueError, OSError, sqlite3.Error) as error:
        return None, [f"review guidance without history: {error}"]


def _read(
    root: str, base: str, settings: Settings, staged: bool, use_cache: bool
) -> tuple[ReviewHistory | None, list[str]]:
    facts = repository_facts(root)
    refused = _refused(facts.shallow, bool(facts.head), base)
    if refused:
        return None, [refused]
    now = time.time()
    start = window_start(settings.history.window, now)  # ValueError: told as a note
    cache_dir = os.path.join(root, settings.cache_dir) if use_cache else None
    log = CommitLog(root, facts.toplevel, facts.head, cache_dir, whole=not staged)
    if staged and not log.cached:
        log.commits()  # closes the cache
        return None, [STAGED_COLD]
    raw = log.commits(since=start)  # older commits are not even decoded
    notes = [*log.notes, *unreadable_notes(log.unreadable, _UNREADABLE)]
    own = commits_between(root, base, facts.head) or frozenset()
    before = _before(raw, own, start)
    alive = tree_paths(root, base)
    if len(before) < 2 or alive is None:  # one commit says nothing about change
        return None, [*notes, _too_short(raw, settings.history.window)]
    history = ReviewHistory(
        tuple(_selected(before, settings)),
        _not_tests(alive, settings),
        _authors(root, raw, own),
        settings.history.window,
        start,
        now,
    )
    return history, notes


def _before(raw: list[Commit], own: frozenset[str], start: float | None) -> list[Commit]:
    """The window's commits before the change (its own commits left out)."""
    since = float("-inf") if start is None else start
    return [c for c in raw if c.timestamp >= since and c.sha not in own]


def _not_tests(paths: frozenset[str], settings: Settings) -> frozenset[str]:
    return frozenset(path for path in paths if not is_test_path(path, settings.tests))


def _authors(root: str, raw: list[Commit], own: frozenset[str]) -> frozenset[str]:
    """The change's authors: of its own commits, else whoever commits it."""
    authors = {c.author for c in raw if c.sha in own} or {committer_name(root)}
    return frozenset(authors - {""})


def _refused(shallow: bool, has_head: bool, base: str) -> str:
    """Why there is no history to read ("" when there is)."""
    if shallow:
        return SHALLOW
    return "" if has_head and base and base != EMPTY_TREE else NO_HISTORY


def _too_short(raw: list[Commit], window: str) -> str:
    if len(raw) > 1:
        return (
            f"fewer than 2 commits before this change in the history window ({window}, "
            "[tool.codehealth.history] window): no hotspots, co-changes or reviewers"
        )
    return NO_HISTORY


def _selected(commits: list[Commit], settings: Settings) -> list[Commit]:
    """Renames followed (to the names at the base), bots and the history's excluded files
    out, as ``hotspots`` selects them."""
    options = settings.history
    keep = PathFilter(
        options.include,
        (*options.exclude, *settings.excluded_patterns),
        hidden=settings.exclude_hidden,
        vendored=settings.exclude_vendored,
    )
    return select_commits(follow_renames(commits), keep, options.bots)
