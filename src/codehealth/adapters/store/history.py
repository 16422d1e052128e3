"""The metric history of one repository in a shared PostgreSQL store: the same reads and
writes as the SQLite store (``adapters.history_db.HistoryStore``), with many repositories
in one database, each by its name, and the measured blobs shared by all of them."""

from __future__ import annotations

import json
from collections.abc import Sequence

from codehealth.adapters.history_db import CommitRow, Recorded
from codehealth.adapters.store.postgres import connect, migrate
from codehealth.core.store_url import masked


class PostgresHistoryStore:
    """``url``: the store; ``repository``: this repository's name in it; ``salt``: what the
    measures depend on (a blob measured under another salt is measured again)."""

    def __init__(self, url: str, repository: str, salt: str) -> None:
        self.salt = salt
        self.notes: list[str] = []
        if masked(url) != url:  # a URL ends up in shell histories, CI logs, committed files
            self.notes.append(
                f"the store URL {masked(url)} holds a password: keep it in PGPASSWORD "
                "or ~/.pgpass (a CI secret), not in the URL"
            )
        self._db = connect(url)
        self._db.autocommit = True  # each read stands alone; writes are transaction blocks
        migrate(self._db)
        self._id = 0
        self._repository(repository)

    def _repository(self, name: str) -> None:
        """Finds (or creates) the repository's row; its commits are forgotten when they were
        measured under another salt (the facts they hold would be wrong)."""
        with self._db.transaction():
            self._db.execute(
                "INSERT INTO repositories (name, salt) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                (name, self.salt),
            )
            row = self._db.execute(
                "SELECT id, salt FROM repositories WHERE name = %s FOR UPDATE", (name,)
            ).fetchone()
        self._id, salt = int(row[0]), row[1]
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
        last, truncated = self._db.execute(
            "SELECT last_commit, truncated FROM repositories WHERE id = %s", (self._id,)
        ).fetchone()
        rows = self._db.execute("SELECT path, blob FROM trees WHERE repository = %s", (self._id,))
        tree = {bytes(path).decode("utf-8", "surrogateescape"): blob for path, blob in rows}
        return last, tree, bool(truncated)

    def blob_facts(self, shas: Sequence[str]) -> dict[str, dict[str, float]]:
        rows = self._db.execute(
            "SELECT sha, facts FROM blobs WHERE salt = %s AND sha = ANY(%s)",
            (self.salt, list(shas)),
        ).fetchall()
        return {sha: facts for sha, facts in rows}

    def commits(self) -> list[CommitRow]:
        rows = self._db.execute(
            "SELECT sha, author, timestamp, totals, modules FROM commits"
            " WHERE repository = %s ORDER BY seq",
            (self._id,),
        ).fetchall()
        return [(sha, who, int(when), totals, modules) for sha, who, when, totals, modules in rows]

    # -- writing ------------------------------------------------------------------------

    def save(self, recorded: Recorded) -> None:
        """One transaction, under this repository's lock: a killed run leaves the previous
        state, and two runs of one repository write one after the other."""
        with self._db.transaction(), self._db.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", (self._id,))
            cursor.executemany(
                "INSERT INTO blobs (salt, sha, facts) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                [(self.salt, sha, json.dumps(facts)) for sha, facts in recorded.blobs],
            )
            cursor.execute(
                "SELECT coalesce(max(seq), 0) FROM commits WHERE repository = %s", (self._id,)
            )
            start = int(cursor.fetchone()[0])
            cursor.executemany(
                "INSERT INTO commits (repository, seq, sha, author, timestamp, totals, modules)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                [
                    (self._id, start + n, sha, who, when, json.dumps(t), json.dumps(m))
                    for n, (sha, who, when, t, m) in enumerate(recorded.commits, start=1)
                ],
            )
            cursor.execute("DELETE FROM trees WHERE repository = %s", (self._id,))
            cursor.executemany(
                "INSERT INTO trees (repository, path, blob) VALUES (%s, %s, %s)",
                [
                    (self._id, path.encode("utf-8", "surrogateescape"), blob)
                    for path, blob in recorded.tree.items()
                ],
            )
            cursor.execute(
                "UPDATE repositories SET last_commit = %s, truncated = %s WHERE id = %s",
                (recorded.last, recorded.truncated, self._id),
            )

    def forget_commits(self) -> None:
        """Start this repository's history again (HEAD moved to another line)."""
        with self._db.transaction():
            self._db.execute("DELETE FROM commits WHERE repository = %s", (self._id,))
            self._db.execute("DELETE FROM trees WHERE repository = %s", (self._id,))
            self._db.execute(
                "UPDATE repositories SET last_commit = '', truncated = FALSE WHERE id = %s",
                (self._id,),
            )

    def close(self) -> None:
        self._db.close()
