"""A real PostgreSQL server for the store tests, started in a temporary folder (``initdb`` +
``pg_ctl``) on 127.0.0.1 and a socket folder of its own, stopped at the end. As root (CI's
containers) the server runs as the ``postgres`` user through ``runuser``: initdb refuses
root. Without Debian's ``postgresql`` package the tests that need it skip, saying so."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

USER = "codehealth"
PASSWORD = "s3cret-not-printed"
INSTALL = "install Debian's postgresql package (apt-get install postgresql) to run them"


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    folder: Path

    def url(self, database: str = "postgres", password: str = PASSWORD) -> str:
        return f"postgresql://{USER}:{password}@{self.host}:{self.port}/{database}"


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else Debian's versioned folder."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    return next((Path(f) for f in folders if (Path(f) / "initdb").exists()), None)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(command: list[str], as_postgres: bool) -> None:
    if as_postgres:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def start(bin_folder: Path) -> Iterator[Server]:
    """initdb (password authentication, SCRAM), pg_ctl start, yield, pg_ctl stop."""
    as_postgres = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="codehealth-pg-"))
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir()
    secret = folder / "password"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    if as_postgres:
        shutil.chown(folder, "postgres")
        shutil.chown(sockets, "postgres")
        shutil.chown(secret, "postgres")
    port = _free_port()
    _run(
        [
            str(bin_folder / "initdb"),
            "-D",
            str(data),
            "-U",
            USER,
            f"--pwfile={secret}",
            "--auth=scram-sha-256",
            "-E",
            "UTF8",
        ],
        as_postgres,
    )
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} -c fsync=off"
    log = folder / "server.log"
    _run(
        [str(bin_folder / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"],
        as_postgres,
    )
    try:
        yield Server("127.0.0.1", port, folder)
    finally:
        _run([str(bin_folder / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], as_postgres)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """A running server for the module's tests (import this name into a test module)."""
    folder = binaries()
    if folder is None:
        pytest.skip(f"the PostgreSQL store tests need a server: {INSTALL}")
    yield from start(folder)


def restart(server: Server) -> None:
    """pg_ctl restart (fast): every open connection is dropped, as when a server restarts."""
    folder = binaries()
    assert folder is not None
    _run(
        [
            *(str(folder / "pg_ctl"), "-D", str(server.folder / "data")),
            *("-l", str(server.folder / "server.log"), "-m", "fast", "-w", "restart"),
        ],
        os.geteuid() == 0,
    )


def fresh_database(server: Server, name: str) -> str:
    """The URL of an empty database ``name`` (dropped first when it exists)."""
    from codehealth.adapters.store import connect

    with connect(server.url()) as admin:
        admin.autocommit = True
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    return server.url(name)
