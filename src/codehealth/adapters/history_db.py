"""The metric history store: SQLite under ``.codehealth/`` (``history.sqlite``).

Holds the facts of every blob ever measured (keyed by git's blob id: a blob is analysed once,
ever), the totals after each commit of the main line, and the tree after the last one, so a
later run continues from there (``git log LAST..HEAD``). Values are JSON, never pickle.
Like the scan cache, a corrupt or foreign file is rebuilt with a note, never trusted.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from codehealth.adapters.cache import open_database, prepare_directory

_APPLICATION_ID = 0x43484853  # "CHHS"
_LAYOUT = 1
_TABLES = {"meta", "blobs", "commits", "tree"}
_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE blobs (sha TEXT PRIMARY KEY, facts TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE commits (seq INTEGER PRIMARY KEY, sha TEXT NOT NULL, author TEXT NOT NULL,"
    " timestamp INTEGER NOT NULL, totals TEXT NOT NULL, modules TEXT NOT NULL)",
    "CREATE TABLE tree (path TEXT PRIMARY KEY, blob TEXT NOT NULL) WITHOUT ROWID",
)

CommitRow = tuple[str, str, int, dict[str, float], dict[str, dict[str, float]]]


@dataclass(frozen=True, slots=True)
class Recorded:
    """What one run adds to a history store: the blobs it measured (sha, facts), the new
    commits, the tree after the last one, that commit, and whether the history it holds
    starts truncated (``--limit``). ``since``: the last commit the run read from the store
    (the commits are written only when it is still the last: another run may have recorded
    them meanwhile); ``touched``: the modules each commit changed; ``origin``: the first
    commit of the repository's main line ("" in a shallow clone)."""

    blobs: tuple[tuple[str, dict[str, Any]], ...]
    commits: tuple[CommitRow, ...]
    tree: dict[str, str]
    last: str
    truncated: bool
    since: str = ""
    touched: tuple[tuple[str, ...], ...] = ()
    origin: str = ""


class HistoryStore:
    def __init__(self, directory: str, salt: str) -> None:
        self.path = os.path.join(directory, "history.sqlite")
        self.directory = directory
        self.salt = salt
        self.notes: list[str] = []
        self._db = self._connect()

    # -- reading ------------------------------------------------------------------------

    def last(self) -> tuple[str, dict[str, str], bool]:
        """(last commit recorded or "", the tree after it, whether it started truncated)."""
        rows = dict(self._db.execute("SELECT key, value FROM meta"))
        tree = {_path(p): blob for p, blob in self._db.execute("SELECT path, blob FROM tree")}
        return rows.get("last", ""), tree, rows.get("truncated") == "1"

    def blob_facts(self, shas: Sequence[str]) -> dict[str, dict[str, float]]:
        found: dict[str, dict[str, float]] = {}
        for start in range(0, len(shas), 900):
            chunk = list(shas[start : start + 900])
            marks = ",".join("?" * len(chunk))
            for sha, text in self._db.execute(
                f"SELECT sha, facts FROM blobs WHERE sha IN ({marks})", chunk
            ):
                with contextlib.suppress(ValueError, TypeError):
                    found[sha] = json.loads(text)
        return found

    def commits(self) -> list[CommitRow]:
        rows = self._db.execute(
            "SELECT sha, author, timestamp, totals, modules FROM commits ORDER BY seq"
        )
        return [(sha, who, when, json.loads(t), json.loads(m)) for sha, who, when, t, m in rows]

    # -- writing ------------------------------------------------------------------------

    def save(self, recorded: Recorded) -> bool:
        """One transaction: a killed run leaves the previous state, never half of one. When
        it cannot be written (a full disk), the run goes on with the store in memory. False
        when another run recorded past ``recorded.since`` first (only the blobs are kept)."""
        try:
            return self._save(recorded)
        except sqlite3.DatabaseError as error:
            self._in_memory(error)
            return self._save(recorded)

    def save_blobs(self, blobs: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """Keep measured blobs before their commits are recorded (``history --shard``)."""
        with contextlib.suppress(sqlite3.DatabaseError), self._db:  # only a head start lost
            self._db.execute("BEGIN IMMEDIATE")
            self._insert_blobs(blobs)

    def _insert_blobs(self, blobs: Sequence[tuple[str, dict[str, Any]]]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO blobs (sha, facts) VALUES (?, ?)",
            ((sha, json.dumps(facts, separators=(",", ":"))) for sha, facts in blobs),
        )

    def _save(self, recorded: Recorded) -> bool:
        with self._db:
            # isolation_level=None: without BEGIN each statement would commit on its own;
            # IMMEDIATE: the last commit read below stays the last until this one commits
            self._db.execute("BEGIN IMMEDIATE")
            self._insert_blobs(recorded.blobs)
            row = self._db.execute("SELECT value FROM meta WHERE key = 'last'").fetchone()
            if (row[0] if row else "") != recorded.since:
                return False
            self._db.executemany(
                "INSERT INTO commits (sha, author, timestamp, totals, modules)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    (sha, who, when, json.dumps(totals), json.dumps(modules))
                    for sha, who, when, totals, modules in recorded.commits
                ),
            )
            self._db.execute("DELETE FROM tree")
            self._db.executemany(
                "INSERT INTO tree (path, blob) VALUES (?, ?)",
                # bytes: a name that is not UTF-8 (surrogate-escaped) is no valid TEXT
                ((p.encode("utf-8", "surrogateescape"), blob) for p, blob in recorded.tree.items()),
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [("last", recorded.last), ("truncated", "1" if recorded.truncated else "0")],
            )
        return True

    def forget_commits(self) -> None:
        """Start the commit history again (HEAD moved to another line); blobs stay known."""
        try:
            self._forget()
        except sqlite3.DatabaseError as error:
            self._in_memory(error)
            self._forget()

    def _forget(self) -> None:
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute("DELETE FROM commits")
            self._db.execute("DELETE FROM tree")
            self._db.execute("DELETE FROM meta WHERE key != 'salt'")

    def close(self) -> None:
        self._db.close()

    # -- internals ----------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            return self._open(self.path)
        except (sqlite3.DatabaseError, OSError, ValueError) as first:
            self._remove()
            try:
                db = self._open(self.path)
            except (sqlite3.DatabaseError, OSError, ValueError) as error:
                self.notes.append(
                    f"history store {self.path} cannot be used ({error}); "
                    "this run keeps its history in memory only"
                )
                return self._open(":memory:")
            self.notes.append(f"history store {self.path} was unusable ({first}); rebuilt it")
            return db

    def _in_memory(self, error: sqlite3.DatabaseError) -> None:
        """Go on with a copy of the store in memory (what could be read of it)."""
        memory = self._open(":memory:")
        with contextlib.suppress(sqlite3.DatabaseError):
            self._db.backup(memory)
        self._db.close()
        self._db = memory
        self.notes.append(
            f"history store {self.path} could not be updated ({error}); "
            "this run's history is correct but kept in memory only"
        )

    def _open(self, path: str) -> sqlite3.Connection:
        if path != ":memory:":
            prepare_directory(self.directory)
        db, tables = open_database(path, _APPLICATION_ID, "history store", "NORMAL")
        try:
            if not tables:
                self._create(db)
                return db
            layout = db.execute("PRAGMA user_version").fetchone()[0]
            if layout != _LAYOUT or tables != _TABLES:
                raise sqlite3.DatabaseError(f"unknown history store layout {layout}")
            self._check_salt(db)
        except BaseException:
            db.close()
            raise
        return db

    def _create(self, db: sqlite3.Connection) -> None:
        """Create the tables in an empty database."""
        with db:
            db.execute("BEGIN IMMEDIATE")
            # Another run may have created it while this one waited for the lock.
            if not db.execute("SELECT 1 FROM sqlite_master").fetchone():
                db.execute(f"PRAGMA application_id={_APPLICATION_ID}")
                db.execute(f"PRAGMA user_version={_LAYOUT}")
                for statement in _SCHEMA:
                    db.execute(statement)
                db.execute("INSERT INTO meta VALUES ('salt', ?)", (self.salt,))

    def _check_salt(self, db: sqlite3.Connection) -> None:
        """Empty a store written with another salt (the facts it holds would be wrong)."""
        row = db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
        if row is None or row[0] != self.salt:
            # Another codehealth, Python or configuration measured it: start afresh.
            with db:
                db.execute("BEGIN")
                for table in ("blobs", "commits", "tree", "meta"):
                    db.execute(f"DELETE FROM {table}")
                db.execute("INSERT INTO meta VALUES ('salt', ?)", (self.salt,))
            self.notes.append("history store written with other settings: rebuilt it")

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.remove(self.path + suffix)


def _path(stored: str | bytes) -> str:
    """A tree path as ``save`` stored it (bytes), or as an older store did (text)."""
    return stored.decode("utf-8", "surrogateescape") if isinstance(stored, bytes) else stored
