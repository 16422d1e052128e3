"""Issue 17, the ground: a real PostgreSQL server started by the tests (initdb + pg_ctl in a
temporary folder), the store's schema created and migrated by codehealth, safely from two
jobs at once, a newer schema refused, and credentials never in a message."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from postgres_server import PASSWORD, Server, fresh_database, server

from codehealth.adapters.store import SCHEMA_VERSION, StoreError, connect, migrate, schema_version

__all__ = ["server"]  # the fixture, imported


def test_an_empty_database_gets_the_schema_and_a_second_run_changes_nothing(
    server: Server,
) -> None:
    url = fresh_database(server, "empty")
    with connect(url) as connection:
        assert schema_version(connection) == 0
        assert migrate(connection) == 0
        assert schema_version(connection) == SCHEMA_VERSION
        assert migrate(connection) == SCHEMA_VERSION
        tables = {
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        }
    assert {"repositories", "blobs", "commits", "trees", "codehealth_schema"} <= tables


def test_two_jobs_migrating_at_once_migrate_once(server: Server) -> None:
    url = fresh_database(server, "racing")
    start_together = threading.Barrier(4)

    def job() -> int:
        with connect(url) as connection:
            start_together.wait()
            return migrate(connection)

    with ThreadPoolExecutor(4) as pool:
        before = [future.result() for future in [pool.submit(job) for _ in range(4)]]
    assert sorted(before) == [0, SCHEMA_VERSION, SCHEMA_VERSION, SCHEMA_VERSION]
    with connect(url) as connection:
        assert connection.execute("SELECT count(*) FROM codehealth_schema").fetchone()[0] == 1


def test_a_schema_from_a_newer_codehealth_is_refused_with_both_versions(server: Server) -> None:
    url = fresh_database(server, "newer")
    with connect(url) as connection:
        migrate(connection)
        connection.execute("UPDATE codehealth_schema SET version = 99")
        connection.commit()
        with pytest.raises(StoreError, match="version 99, written by a newer codehealth") as raised:
            migrate(connection)
    assert f"versions up to {SCHEMA_VERSION}: upgrade codehealth" in str(raised.value)


def test_a_wrong_password_is_said_and_no_password_is_printed(server: Server) -> None:
    wrong = "not-the-" + PASSWORD
    with pytest.raises(StoreError) as raised:
        connect(server.url(password=wrong))
    message = str(raised.value)
    assert "password authentication failed" in message
    assert f"{server.host}:{server.port}" in message and ":***@" in message
    assert wrong not in message and PASSWORD not in message


def test_an_unreachable_server_is_said_quickly(server: Server) -> None:
    closed = Server(server.host, 1, server.folder)  # nothing listens on port 1
    with pytest.raises(StoreError, match="cannot connect") as raised:
        connect(closed.url(), timeout=3)
    assert PASSWORD not in str(raised.value)
