"""The commit log of a repository, cached by HEAD: a rerun reads only ``git log LAST..HEAD``.

The records are kept as JSON in ``.codehealth/history-log.sqlite`` (the shared Cache: a
corrupt or foreign file is rebuilt with a note). The key holds the ``.mailmap`` content, since
names and e-mails of old commits change with it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from typing import Any

from codehealth.adapters.cache import Cache
from codehealth.adapters.git import (
    GitError,
    PrefetchedLog,
    commits_despite_damage,
    is_ancestor,
    stream_commits,
)
from codehealth.core import Change, Commit, Unreadable

_FORMAT = 1


class CommitLog:
    """Start it before other work; ``commits()`` gives the log, newest first.

    ``whole=False``: read only what the cache does not hold yet; without a cached log to
    extend, ``cached`` is False and nothing is read (pre-commit's gate: reading a long
    history whole would cost seconds on a commit)."""

    def __init__(
        self,
        root: str,
        toplevel: str,
        head: str,
        cache_dir: str | None,
        shallow: bool = False,
        *,
        whole: bool = True,
    ) -> None:
        self.root, self.head = root, head
        self.notes: list[str] = []
        self.unreadable: tuple[Unreadable, ...] = ()  # blobs git cannot read, kept with the log
        self._cache = (
            Cache(cache_dir, f"log/{_FORMAT}", filename="history-log.sqlite")
            if cache_dir is not None
            else None
        )
        # names change with .mailmap; a clone made whole again (unshallowed) has more history;
        # the folder relative to the top (paths are --relative to it), so that a cache restored
        # into another clone of the repository is still hit
        where = os.path.relpath(root, toplevel) if toplevel else root
        self._key = f"log:{_mailmap_digest(toplevel)}:{int(shallow)}:{_printable(where)}"
        self._cached: _Log | None = self._load()
        cached_head = self._cached[0] if self._cached else ""
        self._prefetch: PrefetchedLog | None = None
        self._extend: Callable[[], _Read] | None = None
        self.cached = True
        if cached_head == head:
            return
        if cached_head and is_ancestor(root, cached_head, head):
            self._extend = lambda: _read(root, f"{cached_head}..HEAD")
        else:
            self._cached, self.cached = None, False
            if whole:
                self._prefetch = PrefetchedLog(root)  # git works while the caller scans

    def commits(self, since: float | None = None) -> list[Commit]:
        """The log; HistoryUnavailable (exit 2) when git cannot read it at all (empty when
        ``whole=False`` found no cached log). ``since``: only the commits authored then or
        later (the gate's window: the older cached ones are not even decoded)."""
        read = self._prefetch is not None or self._extend is not None
        newer, unreadable = self._read() if read else ([], ())
        rows = self._cached[1] if self._cached else []
        self.unreadable = unreadable + (self._cached[2] if self._cached else ())
        if self._cache is not None:
            if read:
                document = _encode(self.head, [*_rows(newer), *rows], self.unreadable)
                self._cache.put_many([(self._key, document)])
            self._cache.close()
            self.notes.extend(self._cache.notes)
        recent = newer if since is None else [c for c in newer if c.timestamp >= since]
        return recent + _built(rows, since)

    def _read(self) -> _Read:
        """The whole log from git, or what is newer than the cached one."""
        if self._prefetch is not None:
            try:
                return list(self._prefetch.commits()), ()
            except GitError:  # e.g. a blob that cannot be read: read around it
                return commits_despite_damage(self.root)
        assert self._extend is not None
        return self._extend()

    def _load(self) -> _Log | None:
        if self._cache is None:
            return None
        text = self._cache.get_many([self._key]).get(self._key)
        if text is None:
            return None
        try:
            return _decode(text)
        except (ValueError, TypeError, KeyError, IndexError):
            return None  # damaged: read the whole log again


# HEAD, the commits as stored (decoded into Commits only when asked for), unreadable blobs
_Log = tuple[str, list[list[Any]], tuple[Unreadable, ...]]


_Read = tuple[list[Commit], tuple[Unreadable, ...]]


def _read(root: str, revisions: str) -> _Read:
    try:
        return list(stream_commits(root, revisions=revisions)), ()
    except GitError:
        return commits_despite_damage(root, revisions)


def _printable(path: str) -> str:
    """``path`` itself when SQLite can store it; a folder name that is not UTF-8 (lone
    surrogates from surrogateescape) as the hex of its bytes (the prefixes keep the two
    forms apart)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return "x:" + os.fsencode(path).hex()
    return "p:" + path


def _mailmap_digest(toplevel: str) -> str:
    try:
        with open(os.path.join(toplevel, ".mailmap"), "rb") as handle:
            content = handle.read()
    except OSError:
        content = b""
    return hashlib.blake2b(content, digest_size=8).hexdigest()


def _rows(commits: list[Commit]) -> list[list[Any]]:
    return [
        [c.sha, c.author, c.email, c.timestamp, [list(change) for change in c.changes]]
        for c in commits
    ]


def _built(rows: list[list[Any]], since: float | None) -> list[Commit]:
    """The stored rows as Commits (those authored at ``since`` or later when given)."""
    earliest = float("-inf") if since is None else since
    return [
        Commit(sha, author, email, int(when), tuple(Change(*change) for change in changes))
        for sha, author, email, when, changes in rows
        if when >= earliest
    ]


def _encode(head: str, rows: list[list[Any]], unreadable: tuple[Unreadable, ...] = ()) -> str:
    document = {"head": head, "commits": rows, "unreadable": [list(u) for u in unreadable]}
    return json.dumps(document, separators=(",", ":"))


def _decode(text: str) -> _Log:
    """The stored log; the shape of its rows is checked here (a damaged entry is read
    again), they are made into Commits only when asked for (on pytest's 13,000 commits,
    building them all costs 0.3 s, the gate's window a tenth of it)."""
    document: dict[str, Any] = json.loads(text)
    rows = document["commits"]
    if not isinstance(rows, list) or not all(_row(row) for row in rows):
        raise ValueError("not a commit log")
    unreadable = tuple(Unreadable(*row) for row in document.get("unreadable", []))
    return str(document["head"]), rows, unreadable


def _row(row: Any) -> bool:
    return isinstance(row, list) and len(row) == 5 and isinstance(row[4], list)
