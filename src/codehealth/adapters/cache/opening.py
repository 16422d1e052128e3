"""Opening one of codehealth's SQLite files (the caches, the history store): ours or empty,
never another program's database that happens to sit at the same path."""

from __future__ import annotations

import sqlite3


def open_database(
    path: str, application_id: int, what: str, synchronous: str
) -> tuple[sqlite3.Connection, set[str]]:
    """The database at ``path`` (created when missing), in WAL mode, and its tables;
    DatabaseError naming ``what`` when it belongs to another program. ``synchronous``:
    SQLite's setting ("OFF" for a cache a crash may lose, "NORMAL" for a store)."""
    connection = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        kind = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if kind not in (0, application_id) or (tables and kind != application_id):
            raise sqlite3.DatabaseError(f"not a codehealth {what}")
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(f"PRAGMA synchronous={synchronous}")
    except BaseException:
        connection.close()
        raise
    return connection, tables
