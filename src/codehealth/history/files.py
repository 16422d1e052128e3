"""Per-file facts from the log in one pass: revisions, authors, churn, age, creator."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from codehealth.model import Commit

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
    if window_start is not None:
        middle = (window_start + now) / 2
    else:
        stamps = [c.timestamp for c in commits] or [int(now)]
        middle = (min(stamps) + max(stamps)) / 2
    files: dict[str, FileHistory] = {}
    for commit in commits:
        inside = commit.timestamp >= start
        for change in commit.changes:
            facts = files.get(change.path)
            if facts is None:
                facts = files[change.path] = FileHistory(change.path, last=commit.timestamp)
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
                if commit.timestamp >= middle:
                    facts.recent += 1
    return files
