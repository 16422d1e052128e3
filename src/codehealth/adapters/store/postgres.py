"""A PostgreSQL store: connect (credentials from the URL, libpq's ``PG*`` variables or
``~/.pgpass``, never printed) and create or migrate the schema, one version at a time.

Migrations run in one transaction under an advisory lock, so two CI jobs that start at once
migrate once; a store whose schema is newer than this codehealth knows is refused, naming
both versions. psycopg is imported when a store is used, never at start-up.
"""

from __future__ import annotations

import time
from typing import Any

from codehealth.core import ConfigError
from codehealth.core.store_url import masked

# "CHST" as a number: the advisory lock every migration takes.
_LOCK = 0x43485354
SCHEMA_VERSION = 3
# version -> the statements that bring the schema from the version before to it. Blobs are
# shared by every repository (content addressed, per measuring salt); commits, the last
# tree and the progress are per repository.
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE repositories (id SERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
        " salt TEXT NOT NULL DEFAULT '', last_commit TEXT NOT NULL DEFAULT '',"
        " truncated BOOLEAN NOT NULL DEFAULT FALSE)",
        "CREATE TABLE blobs (salt TEXT NOT NULL, sha TEXT NOT NULL, facts JSONB NOT NULL,"
        " PRIMARY KEY (salt, sha))",
        "CREATE TABLE commits (repository INTEGER NOT NULL REFERENCES repositories(id),"
        " seq INTEGER NOT NULL, sha TEXT NOT NULL, author TEXT NOT NULL,"
        " timestamp BIGINT NOT NULL, totals JSONB NOT NULL, modules JSONB NOT NULL,"
        " PRIMARY KEY (repository, sha))",
        # paths as bytes: a file name that is not UTF-8 must come back as it was
        "CREATE TABLE trees (repository INTEGER NOT NULL REFERENCES repositories(id),"
        " path BYTEA NOT NULL, blob TEXT NOT NULL, PRIMARY KEY (repository, path))",
    ),
    # the first commit of a repository's history (two repositories claiming one name differ
    # there), the modules each commit touched (the portfolio's hotspots) and the commits of
    # a window read by time
    2: (
        "ALTER TABLE repositories ADD COLUMN origin TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE commits ADD COLUMN touched JSONB NOT NULL DEFAULT '[]'",
        "CREATE INDEX commits_by_time ON commits (repository, timestamp)",
    ),
    # the boundary health of the commits a work tree was at when recorded (the portfolio's
    # boundaries column): the counts as columns, the split by rule as JSON
    3: (
        "CREATE TABLE boundary_summaries (repository INTEGER NOT NULL"
        " REFERENCES repositories(id), sha TEXT NOT NULL, violations INTEGER NOT NULL,"
        " cycles INTEGER NOT NULL, contracts_broken INTEGER NOT NULL,"
        " contracts INTEGER NOT NULL, modules INTEGER NOT NULL, by_rule JSONB NOT NULL,"
        " PRIMARY KEY (repository, sha))",
    ),
}


class StoreError(ConfigError):
    """The store cannot be used (exit 2): the message names the store, its password masked,
    and why."""


def connect(url: str, timeout: int = 10) -> Any:
    """An open psycopg connection to ``url``; StoreError (masked) when it cannot be made."""
    try:
        import psycopg
    except ImportError as error:  # the optional dependency, or libpq, is missing
        raise StoreError(
            f"a PostgreSQL store needs psycopg: pip install 'codehealth[postgres]' ({error})"
        ) from None
    try:
        return psycopg.connect(url, connect_timeout=timeout)
    except psycopg.Error as error:
        reason = " ".join(str(error).split())
        raise StoreError(f"{masked(url)}: cannot connect: {masked(reason)}") from None


def reconnect(url: str, attempts: int = 30) -> Any:
    """A connection whose reads stand alone (autocommit; writes are transaction blocks),
    tried once a second up to ``attempts`` times (a server restarting takes a moment)."""
    for _ in range(attempts - 1):
        try:
            return _autocommit(connect(url))
        except StoreError:
            time.sleep(1)
    return _autocommit(connect(url))


def _autocommit(connection: Any) -> Any:
    connection.autocommit = True
    return connection


def schema_version(connection: Any) -> int:
    """The schema version of the store (0 for a database codehealth has not set up)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('codehealth_schema') IS NOT NULL")
        if not cursor.fetchone()[0]:
            return 0
        cursor.execute("SELECT version FROM codehealth_schema")
        row = cursor.fetchone()
        return int(row[0]) if row else 0


def migrate(connection: Any) -> int:
    """Brings the store's schema to SCHEMA_VERSION (creating it in an empty database); the
    version it had before. StoreError for a schema from a newer codehealth, or one this role
    may not create. A store already up to date is only read (a read-only role suffices)."""
    found = schema_version(connection)
    _refuse_newer(found)
    if found == SCHEMA_VERSION:
        return found
    import psycopg

    try:
        return _migrate(connection)
    except psycopg.errors.InsufficientPrivilege as error:
        raise StoreError(
            f"the store's schema is version {found} and this role may not bring it to "
            f"{SCHEMA_VERSION} ({' '.join(str(error).split())}): run `codehealth history "
            "--store URL` once as a role that may create tables"
        ) from None


def _refuse_newer(found: int) -> None:
    if found > SCHEMA_VERSION:
        raise StoreError(
            f"the store's schema is version {found}, written by a newer codehealth; this "
            f"one knows versions up to {SCHEMA_VERSION}: upgrade codehealth"
        )


def _migrate(connection: Any) -> int:
    """The migrations, in one transaction under the lock (another job may be running them)."""
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        connection.execute("CREATE TABLE IF NOT EXISTS codehealth_schema (version INTEGER)")
        found = schema_version(connection)
        _refuse_newer(found)
        for version in range(found + 1, SCHEMA_VERSION + 1):
            for statement in _MIGRATIONS[version]:
                connection.execute(statement)
        if found < SCHEMA_VERSION:
            connection.execute("DELETE FROM codehealth_schema")
            connection.execute("INSERT INTO codehealth_schema VALUES (%s)", (SCHEMA_VERSION,))
    return found
