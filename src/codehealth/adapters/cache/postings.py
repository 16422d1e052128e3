"""The cache's inverted index: fixed-size records filed under their first 8 bytes (the term).

A key is indexed once, with all its records (``owners`` holds the keys, ``postings`` the
records), so a lookup by term costs the records found, not the keys indexed. The records of
a new key are inserted by SQLite from one packed blob (a recursive CTE slices it): no Python
call per record. A large batch (the first run on a repository) drops the term index and
builds it again after, which is several times faster than updating it record by record.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Mapping, Sequence

TERM = 8  # bytes of a record that are its term
TABLES = frozenset({"owners", "postings"})
_CHUNK = 900  # SQLite's bound-parameter limit (999 in old builds)
_SLICED = (
    "WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM r WHERE n + 1 < :count)"
    " INSERT INTO {table} (term, owner, seq, data)"
    " SELECT substr(:blob, n * :size + 1, :term), :owner, n,"
    " substr(:blob, n * :size + :term + 1, :size - :term) FROM r"
)
_STAGED = 1000  # a batch of more records is staged, then sorted


def create_tables(connection: sqlite3.Connection) -> None:
    """The index's tables (inside the caller's transaction)."""
    connection.execute(
        "CREATE TABLE IF NOT EXISTS owners (id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL)"
    )
    connection.execute(
        "CREATE TABLE IF NOT EXISTS postings (term BLOB NOT NULL, owner INTEGER NOT NULL,"
        " seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (term, owner, seq))"
        " WITHOUT ROWID"
    )


def clear(connection: sqlite3.Connection) -> None:
    connection.execute("DELETE FROM postings")
    connection.execute("DELETE FROM owners")


def indexed(connection: sqlite3.Connection, keys: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = connection.execute(f"SELECT key FROM owners WHERE key IN ({marks})", chunk)
        found.update(key for (key,) in rows)
    return found


def add(connection: sqlite3.Connection, records: Mapping[str, bytes], size: int) -> None:
    """Index each key's records (``size`` bytes each, packed), unless another run indexed the
    key first: a key's records are never stored twice."""
    for key, blob in records.items():
        if len(blob) % size:
            raise ValueError(f"records of {key!r} are not {size}-byte records")
    staged = sum(len(blob) // size for blob in records.values()) > _STAGED
    if staged:
        connection.execute(
            "CREATE TEMP TABLE IF NOT EXISTS staging (term BLOB, owner INTEGER, seq INTEGER,"
            " data BLOB)"
        )
    sliced = _SLICED.format(table="staging" if staged else "postings")
    for key, blob in records.items():
        owner = connection.execute(
            "INSERT INTO owners (key) VALUES (?) ON CONFLICT DO NOTHING RETURNING id", (key,)
        ).fetchone()
        if owner is not None and blob:
            values = {"count": len(blob) // size, "blob": blob, "size": size, "term": TERM}
            connection.execute(sliced, {**values, "owner": owner[0]})
    if staged:
        connection.execute(
            "INSERT INTO postings (term, owner, seq, data)"
            " SELECT term, owner, seq, data FROM staging ORDER BY term, owner, seq"
        )
        connection.execute("DROP TABLE staging")


def find(
    connection: sqlite3.Connection, terms: Collection[bytes], size: int
) -> list[tuple[str, int, bytes]]:
    """(key, position among the key's records, record) of every record of ``terms``;
    ValueError for a record that is not what ``add`` wrote."""
    wanted = sorted(terms)
    found: list[tuple[int, int, bytes]] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = connection.execute(
            f"SELECT owner, seq, term, data FROM postings WHERE term IN ({marks})", chunk
        )
        for owner, seq, term, data in rows:
            if not (isinstance(owner, int) and isinstance(seq, int)) or not (
                isinstance(term, bytes) and isinstance(data, bytes)
            ):
                raise ValueError("index entry has unexpected types")
            if len(term) + len(data) != size:
                raise ValueError("index entry has another layout")
            found.append((owner, seq, term + data))
    keys = _keys(connection, sorted({owner for owner, _, _ in found}))
    return [(keys[owner], seq, record) for owner, seq, record in found]


def _keys(connection: sqlite3.Connection, owners: Sequence[int]) -> dict[int, str]:
    """The keys of ``owners`` (one query for the few found, not a join for every record);
    ValueError for a record of no key."""
    keys: dict[int, str] = {}
    for start in range(0, len(owners), _CHUNK):
        chunk = owners[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        keys.update(connection.execute(f"SELECT id, key FROM owners WHERE id IN ({marks})", chunk))
    if len(keys) != len(owners) or not all(isinstance(key, str) for key in keys.values()):
        raise ValueError("index entry has no key")
    return keys


def count(connection: sqlite3.Connection) -> int:
    (found,) = connection.execute("SELECT count(*) FROM owners").fetchone()
    return int(found)


def forget_all_but(connection: sqlite3.Connection, keep: Collection[str]) -> int:
    """Forget the keys not in ``keep`` and their records (one scan of the records); how many
    were forgotten."""
    gone = [
        (id_,) for id_, key in connection.execute("SELECT id, key FROM owners") if key not in keep
    ]
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS forgotten (id INTEGER PRIMARY KEY)")
    connection.executemany("INSERT OR IGNORE INTO forgotten (id) VALUES (?)", gone)
    connection.execute("DELETE FROM postings WHERE owner IN (SELECT id FROM forgotten)")
    connection.execute("DELETE FROM owners WHERE id IN (SELECT id FROM forgotten)")
    connection.execute("DROP TABLE forgotten")
    return len(gone)
