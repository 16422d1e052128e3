"""The metric history of one repository in a shared PostgreSQL store: the same reads and
writes as the SQLite store (``adapters.history_db.HistoryStore``), with many repositories
in one database, each by its name, and the measured blobs shared by all of them."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from codehealth.adapters.history_db import CommitRow, Recorded
from codehealth.adapters.store.postgres import StoreError, migrate, reconnect
from codehealth.core import BoundarySummary
from codehealth.core.store_url import masked

_T = TypeVar("_T")


class PostgresHistoryStore:
    """``url``: the store; ``repository``: this repository's name in it; ``salt``: what the
    measures depend on (a blob measured under another salt is measured again); ``origin``:
    the first commit of this repository's main line ("" when unknown: a shallow clone)."""

    def __init__(self, url: str, repository: str, salt: str, origin: str = "") -> None:
        self.salt = salt
        self.notes: list[str] = []
        if masked(url) != url:  # a URL ends up in shell histories, CI logs, committed files
            self.notes.append(
                f"the store URL {masked(url)} holds a password: keep it in PGPASSWORD "
                "or ~/.pgpass (a CI secret), not in the URL"
            )
        self._url = url
        self._db = reconnect(url, attempts=1)
        migrate(self._db)
        self._id = 0
        self._retrying(lambda: self._repository(repository, origin))

    def _repository(self, name: str, origin: str) -> None:
        """Finds (or creates) the repository's row; its commits are forgotten when they were
        measured under another salt (the facts they hold would be wrong). StoreError when
        the name is another repository's (its history starts at another commit)."""
        with self._db.transaction():
            self._db.execute(
                "INSERT INTO repositories (name, salt) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                (name, self.salt),
            )
            row = self._db.execute(
                "SELECT id, salt, origin FROM repositories WHERE name = %s FOR UPDATE", (name,)
            ).fetchone()
        self._id, salt, theirs = int(row[0]), row[1], row[2]
        if origin and theirs and origin != theirs:
            self.close()
            raise StoreError(
                f"the store's repository {name!r} is another one: its history starts at "
                f"{theirs[:12]}, this one's at {origin[:12]}; give this repository its own "
                "name in [tool.codehealth.history] name"
            )
        if salt != self.salt:
            self.forget_commits()
            with self._db.transaction():
                self._db.execute(
                    "UPDATE repositories SET salt = %s WHERE id = %s", (self.salt, self._id)
                )
            self.notes.append(f"the store's history of {name} had other settings: rebuilt it")

    # -- reading ------------------------------------------------------------------------

    def last(self) -> tuple[str, dict[str, str], bool]:
        """(last commit recorded or "", the tree after it, whether it started truncated)."""
        return self._retrying(self._last)

    def _last(self) -> tuple[str, dict[str, str], bool]:
        last, truncated = self._db.execute(
            "SELECT last_commit, truncated FROM repositories WHERE id = %s", (self._id,)
        ).fetchone()
        rows = self._db.execute("SELECT path, blob FROM trees WHERE repository = %s", (self._id,))
        tree = {bytes(path).decode("utf-8", "surrogateescape"): blob for path, blob in rows}
        return last, tree, bool(truncated)

    def blob_facts(self, shas: Sequence[str]) -> dict[str, dict[str, float]]:
        rows = self._retrying(
            lambda: self._db.execute(
                "SELECT sha, facts FROM blobs WHERE salt = %s AND sha = ANY(%s)",
                (self.salt, list(shas)),
            ).fetchall()
        )
        return {sha: facts for sha, facts in rows}

    def commits(self) -> list[CommitRow]:
        rows = self._retrying(
            lambda: self._db.execute(
                "SELECT sha, author, timestamp, totals, modules FROM commits"
                " WHERE repository = %s ORDER BY seq",
                (self._id,),
            ).fetchall()
        )
        return [(sha, who, int(when), totals, modules) for sha, who, when, totals, modules in rows]

    # -- writing ------------------------------------------------------------------------

    def save(self, recorded: Recorded) -> bool:
        """One transaction, under this repository's lock: a killed run (or a server that
        went away) leaves the previous state. False when another run recorded past
        ``recorded.since`` first: only the blobs are kept, nothing is recorded twice."""
        return bool(self._retrying(lambda: self._save(recorded)))

    def save_blobs(self, blobs: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """Share measured blobs before their commits are recorded (``history --shard``)."""
        self._retrying(lambda: self._insert_blobs(blobs))

    def _insert_blobs(self, blobs: Sequence[tuple[str, dict[str, Any]]]) -> None:
        with self._db.transaction(), self._db.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO blobs (salt, sha, facts) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                [(self.salt, sha, json.dumps(facts)) for sha, facts in blobs],
            )

    def _save(self, recorded: Recorded) -> bool:
        self._insert_blobs(recorded.blobs)  # shared by all: kept even when the rest is not
        with self._db.transaction(), self._db.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", (self._id,))
            cursor.execute(
                "SELECT last_commit, coalesce((SELECT max(seq) FROM commits"
                " WHERE repository = %s), 0) FROM repositories WHERE id = %s",
                (self._id, self._id),
            )
            last, start = cursor.fetchone()
            if last != recorded.since:
                return False
            touched = recorded.touched or ((),) * len(recorded.commits)
            cursor.executemany(
                "INSERT INTO commits (repository, seq, sha, author, timestamp, totals,"
                " modules, touched) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    (self._id, start + n, *row[:3], *map(json.dumps, (*row[3:], modules)))
                    for n, (row, modules) in enumerate(
                        zip(recorded.commits, touched, strict=True), start=1
                    )
                ],
            )
            self._write_tree(cursor, recorded.tree)
            cursor.execute(
                "UPDATE repositories SET last_commit = %s, truncated = %s,"
                " origin = CASE WHEN origin = '' THEN %s ELSE origin END WHERE id = %s",
                (recorded.last, recorded.truncated, recorded.origin, self._id),
            )
        return True

    def has_boundaries(self, sha: str) -> bool:
        """Whether the boundary summary of commit ``sha`` is recorded."""
        return bool(
            self._retrying(
                lambda: self._db.execute(
                    "SELECT 1 FROM boundary_summaries WHERE repository = %s AND sha = %s",
                    (self._id, sha),
                ).fetchone()
            )
        )

    def save_boundaries(self, sha: str, summary: BoundarySummary) -> None:
        """The boundary summary of commit ``sha`` (one statement: all of it or nothing); a
        second job's summary of the same commit is the same, so the first one is kept."""
        self._retrying(
            lambda: self._db.execute(
                "INSERT INTO boundary_summaries (repository, sha, violations, cycles,"
                " contracts_broken, contracts, modules, by_rule)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                (
                    self._id,
                    sha,
                    summary.violations,
                    summary.cycles,
                    summary.contracts_broken,
                    summary.contracts,
                    summary.modules,
                    json.dumps(dict(summary.by_rule)),
                ),
            )
        )

    def _write_tree(self, cursor: Any, tree: dict[str, str]) -> None:
        cursor.execute("DELETE FROM trees WHERE repository = %s", (self._id,))
        cursor.executemany(
            "INSERT INTO trees (repository, path, blob) VALUES (%s, %s, %s)",
            [(self._id, p.encode("utf-8", "surrogateescape"), blob) for p, blob in tree.items()],
        )

    def _retrying(self, work: Callable[[], _T]) -> _T:
        """``work()``, again once on a new connection when the server went away (a restart:
        the open transaction was rolled back, so nothing is half-written); StoreError when
        it still fails or the server refuses it (e.g. a role that may only read)."""
        import psycopg

        try:
            return work()
        except psycopg.OperationalError:
            self._db.close()
            self._db = reconnect(self._url)
        except psycopg.Error as error:
            raise self._failed(error) from None
        try:
            return work()
        except psycopg.Error as error:
            raise self._failed(error) from None

    def _failed(self, error: Exception) -> StoreError:
        reason = masked(" ".join(str(error).split()))
        return StoreError(f"{masked(self._url)}: {reason}: nothing of this run was written")

    def forget_commits(self) -> None:
        """Start this repository's history again (HEAD moved to another line)."""
        with self._db.transaction():
            self._db.execute("DELETE FROM commits WHERE repository = %s", (self._id,))
            self._db.execute("DELETE FROM trees WHERE repository = %s", (self._id,))
            self._db.execute("DELETE FROM boundary_summaries WHERE repository = %s", (self._id,))
            self._db.execute(
                "UPDATE repositories SET last_commit = '', truncated = FALSE WHERE id = %s",
                (self._id,),
            )

    def close(self) -> None:
        self._db.close()
