"""The per-file result cache: SQLite in WAL mode under ``.codehealth/``.

Keys are content hashes, so an unchanged file is never analysed twice, whatever its path
or mtime. Values are JSON (never pickle: the folder lives in the repository being analysed,
so its content is untrusted). Anything unexpected makes the cache rebuild itself, never
trusted and never fatal: the worst case is a run without a cache and a warning.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Collection, Iterable, Mapping, Sequence

from codehealth.adapters.cache import postings
from codehealth.adapters.cache.opening import open_database

_APPLICATION_ID = 0x43484C54  # "CHLT": marks the file as ours
_LAYOUT = 1
_TABLES = {"meta", "files"}


class Cache:
    def __init__(
        self, directory: str, salt: str, filename: str = "cache.sqlite", record: int = 0
    ) -> None:
        """``filename`` separates caches whose salts change independently (e.g. lint
        results, salted with the linter's version and configuration). ``record``: the size in
        bytes of the records of the cache's inverted index (``index_many``), 0 for none."""
        self.directory = directory
        self.path = os.path.join(directory, filename)
        self.salt = salt
        self.record = record
        self.notes: list[str] = []
        self._connection: sqlite3.Connection | None = None
        self._broken = False

    # -- public ---------------------------------------------------------------------

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        connection = self._connect()
        if connection is None or not keys:
            return {}
        found: dict[str, str] = {}
        try:
            for start in range(0, len(keys), 900):  # SQLite's bound-parameter limit
                chunk = keys[start : start + 900]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT key, data FROM files WHERE key IN ({marks})", chunk
                )
                found.update(rows)
        except sqlite3.DatabaseError as error:
            self._give_up(f"could not be read ({error}); it will be rebuilt", rebuild=True)
            return {}
        return found

    def put_many(self, items: Iterable[tuple[str, str]]) -> None:
        rows = list(items)
        connection = self._connect()
        if connection is None or not rows:
            return
        try:
            with connection:
                connection.execute("BEGIN")  # isolation_level=None: no implicit transaction
                connection.executemany(
                    "INSERT OR REPLACE INTO files (key, data) VALUES (?, ?)", rows
                )
        except sqlite3.DatabaseError as error:
            self._give_up(f"could not be updated ({error}); results are still correct")

    def keep_only(
        self, prefix: str, keys: Collection[str], items: Iterable[tuple[str, str]]
    ) -> None:
        """Store ``items`` and drop the entries whose key starts with ``prefix`` but is not
        in ``keys``: a cache of what the last run used, never more than one run's worth."""
        rows = list(items)
        connection = self._connect()
        if connection is None:
            return
        try:
            with connection:
                connection.execute("BEGIN")
                stale = connection.execute(
                    "SELECT key FROM files WHERE substr(key, 1, ?) = ?", (len(prefix), prefix)
                ).fetchall()
                gone = [(key,) for (key,) in stale if key not in keys]
                connection.executemany("DELETE FROM files WHERE key = ?", gone)
                connection.executemany(
                    "INSERT OR REPLACE INTO files (key, data) VALUES (?, ?)", rows
                )
        except sqlite3.DatabaseError as error:
            self._give_up(f"could not be updated ({error}); results are still correct")

    def indexed(self, keys: Sequence[str]) -> set[str]:
        """The ``keys`` whose records are in the index (none when it cannot be read)."""
        connection = self._connect()
        if connection is None or not keys:
            return set()
        try:
            return postings.indexed(connection, keys)
        except sqlite3.DatabaseError as error:
            self._give_up(f"could not be read ({error}); it will be rebuilt", rebuild=True)
            return set()

    def index_many(self, records: Mapping[str, bytes]) -> None:
        """Index each key's records (packed, ``record`` bytes each, the first 8 its term;
        ``b""`` for none): ``find`` returns them by term, ``indexed`` names the key."""
        connection = self._connect()
        if connection is None or not records:
            return
        try:
            with connection:
                connection.execute("BEGIN")
                postings.add(connection, records, self.record)
        except sqlite3.DatabaseError as error:
            self._give_up(f"could not be updated ({error}); results are still correct")

    def find(self, terms: Collection[bytes]) -> list[tuple[str, int, bytes]] | None:
        """(key, position among the key's records, record) of the indexed records of
        ``terms``; None when the index cannot be read (the cache then rebuilds)."""
        connection = self._connect()
        if connection is None:
            return None
        try:
            return postings.find(connection, terms, self.record) if terms else []
        except (sqlite3.DatabaseError, ValueError) as error:
            self._give_up(f"could not be read ({error}); it will be rebuilt", rebuild=True)
            return None

    def prune_index(self, keep: Collection[str], limit: int) -> None:
        """When more than ``limit`` keys are indexed, forget all but ``keep``: the records of
        keys no longer wanted (old blobs) would otherwise slow every lookup down."""
        connection = self._connect()
        if connection is None:
            return
        try:
            if postings.count(connection) <= limit:
                return
            with connection:
                connection.execute("BEGIN IMMEDIATE")
                if postings.count(connection) > limit:  # another run may have pruned it
                    postings.forget_all_but(connection, keep)
        except sqlite3.DatabaseError as error:
            self._give_up(f"could not be updated ({error}); results are still correct")

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # -- internals --------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection | None:
        if self._connection is not None or self._broken:
            return self._connection
        try:
            self._connection = self._open()
        except (sqlite3.DatabaseError, OSError) as first:
            # Corrupt or foreign file: start afresh once.
            self._remove_files()
            try:
                self._connection = self._open()
                self.notes.append(f"cache {self.path} was unusable ({first}); rebuilt it")
            except (sqlite3.DatabaseError, OSError) as error:
                self._give_up(f"cannot be used ({error}); running without a cache")
        return self._connection

    def _open(self) -> sqlite3.Connection:
        prepare_directory(self.directory)
        # A cache: a crash of the whole machine may at worst corrupt it, and a corrupt cache
        # is rebuilt; a killed process loses nothing (the OS still holds its writes).
        connection, tables = open_database(self.path, _APPLICATION_ID, "cache", "OFF")
        try:
            if not tables:
                self._create(connection)
            else:
                self._check(connection, tables)
        except BaseException:
            connection.close()
            raise
        return connection

    def _create(self, connection: sqlite3.Connection) -> None:
        """Create the tables in an empty database."""
        with connection:
            connection.execute("BEGIN IMMEDIATE")
            # Another run may have created it while this one waited for the lock.
            connection.execute(f"PRAGMA application_id={_APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version={_LAYOUT}")
            connection.execute("CREATE TABLE IF NOT EXISTS meta (salt TEXT NOT NULL)")
            connection.execute(
                "INSERT INTO meta (salt) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM meta)",
                (self.salt,),
            )
            connection.execute(
                "CREATE TABLE IF NOT EXISTS files"
                " (key TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID"
            )
            if self.record:
                postings.create_tables(connection)

    def _check(self, connection: sqlite3.Connection, tables: set[str]) -> None:
        """DatabaseError for an unknown layout; a cache of another salt is emptied."""
        layout = connection.execute("PRAGMA user_version").fetchone()[0]
        if layout != _LAYOUT or tables not in (_TABLES, _TABLES | postings.TABLES):
            raise sqlite3.DatabaseError(f"unknown cache layout {layout}")
        (salt,) = connection.execute("SELECT salt FROM meta").fetchone()
        if salt != self.salt:
            # Another codehealth or Python version wrote it: its entries may differ.
            with connection:
                connection.execute("BEGIN")
                connection.execute("DELETE FROM files")
                if tables >= postings.TABLES:
                    postings.clear(connection)
                connection.execute("UPDATE meta SET salt = ?", (self.salt,))
        if self.record and not tables >= postings.TABLES:  # written by a cache without one
            with connection:
                connection.execute("BEGIN IMMEDIATE")
                postings.create_tables(connection)

    def _remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.remove(self.path + suffix)

    def _give_up(self, message: str, rebuild: bool = False) -> None:
        self.notes.append(f"cache {self.path} {message}")
        self.close()
        if rebuild:
            self._remove_files()
        self._broken = True


def prepare_directory(directory: str) -> None:
    """Create a folder of codehealth's caches (the cache, the history store), with a .gitignore
    that keeps it out of git."""
    os.makedirs(directory, exist_ok=True)
    ignore = os.path.join(directory, ".gitignore")
    if not os.path.exists(ignore):
        with open(ignore, "w", encoding="utf-8") as handle:
            handle.write("# written by codehealth: the cache is not for git\n*\n")
