"""Per-file facts from the log in one pass: revisions, authors, churn, age, creator."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from codehealth.core import Change, Commit

SECONDS_PER_MONTH = 2629746


@dataclass(slots=True)
class AuthorShare:
    commits: int = 0
    added: int = 0
    deleted: int = 0


@dataclass(slots=True)
class FileHistory:
    """Everything the log says about one file (under its name today).

    ``window_*`` count only commits inside the analysis window; the rest are all of history.
    ``recent`` is the number of window commits in the later half of the window (the trend).
    """

    path: str
    revisions: int = 0
    added: int = 0
    deleted: int = 0
    first: int = 0  # timestamp of the oldest commit seen
    last: int = 0  # timestamp of the newest commit seen
    creator: str = ""  # author of the oldest commit seen
    authors: dict[str, AuthorShare] = field(default_factory=dict)
    window_revisions: int = 0
    window_added: int = 0
    window_deleted: int = 0
    window_authors: set[str] = field(default_factory=set)
    recent: int = 0

    def age_months(self, now: float) -> float:
        return max(0.0, (now - self.last) / SECONDS_PER_MONTH)


def file_histories(
    commits: Iterable[Commit], window_start: float | None, now: float
) -> dict[str, FileHistory]:
    """``commits`` newest first, renames already followed. The trend compares the two
    halves of the window (of all of history when there is no window)."""
    commits = list(commits)
    start = window_start if window_start is not None else float("-inf")
    middle = _middle(commits, window_start, now)
    files: dict[str, FileHistory] = {}
    for commit in commits:
        inside = commit.timestamp >= start
        recent = inside and commit.timestamp >= middle
        for change in commit.changes:
            facts = files.get(change.path)
            if facts is None:
                facts = files[change.path] = FileHistory(change.path, last=commit.timestamp)
            _count(facts, commit, change, (inside, recent))
    return files


def _middle(commits: list[Commit], window_start: float | None, now: float) -> float:
    """The time that halves the window (all of history when there is no window)."""
    if window_start is not None:
        return (window_start + now) / 2
    stamps = [c.timestamp for c in commits] or [int(now)]
    return (min(stamps) + max(stamps)) / 2


def _count(facts: FileHistory, commit: Commit, change: Change, where: tuple[bool, bool]) -> None:
    """Add one change of ``commit`` to the file's facts; ``where``: whether the commit is
    inside the window and in its later half."""
    inside, recent = where
    added, deleted = max(change.added, 0), max(change.deleted, 0)
    facts.revisions += 1
    facts.added += added
    facts.deleted += deleted
    facts.first = commit.timestamp  # newest first: the last one seen is the oldest
    facts.creator = commit.author
    share = facts.authors.get(commit.author)
    if share is None:
        share = facts.authors[commit.author] = AuthorShare()
    share.commits += 1
    share.added += added
    share.deleted += deleted
    if inside:
        facts.window_revisions += 1
        facts.window_added += added
        facts.window_deleted += deleted
        facts.window_authors.add(commit.author)
        if recent:
            facts.recent += 1
