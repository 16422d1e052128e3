"""A PostgreSQL store: connect (credentials from the URL, libpq's ``PG*`` variables or
``~/.pgpass``, never printed) and create or migrate the schema, one version at a time.

Migrations run in one transaction under an advisory lock, so two CI jobs that start at once
migrate once; a store whose schema is newer than this codehealth knows is refused, naming
both versions. psycopg is imported when a store is used, never at start-up.
"""

from __future__ import annotations

from typing import Any

from codehealth.core.store_url import masked

# "CHST" as a number: the advisory lock every migration takes.
_LOCK = 0x43485354
SCHEMA_VERSION = 1
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
}


class StoreError(Exception):
    """The store cannot be used: the message names the store (its password masked) and why."""


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
    version it had before. StoreError for a schema from a newer codehealth."""
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        connection.execute("CREATE TABLE IF NOT EXISTS codehealth_schema (version INTEGER)")
        found = schema_version(connection)
        if found > SCHEMA_VERSION:
            raise StoreError(
                f"the store's schema is version {found}, written by a newer codehealth; this "
                f"one knows versions up to {SCHEMA_VERSION}: upgrade codehealth"
            )
        for version in range(found + 1, SCHEMA_VERSION + 1):
            for statement in _MIGRATIONS[version]:
                connection.execute(statement)
        if found < SCHEMA_VERSION:
            connection.execute("DELETE FROM codehealth_schema")
            connection.execute("INSERT INTO codehealth_schema VALUES (%s)", (SCHEMA_VERSION,))
    return found
