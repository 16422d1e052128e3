"""Reading analysed files: a FIFO, socket or device is never opened for a blocking read, and
every failure becomes a reason."""

from __future__ import annotations

import os
import signal
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from codehealth.adapters.files import read_file, read_source, unusable_file
from codehealth.adapters.files.reading import NotRegularFileError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symbolic links")


@pytest.fixture(autouse=True)
def _fail_instead_of_hanging() -> Iterator[None]:
    def hung(signum: int, frame: Any) -> None:
        raise TimeoutError("blocked reading a FIFO")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(10)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.py")  # no writer: a plain open() would wait forever
    with pytest.raises(NotRegularFileError):
        read_file(str(tmp_path / "pipe.py"))
    assert read_source(str(tmp_path), "pipe.py") == (
        "not a regular file (a FIFO, socket or device)"
    )
    assert unusable_file(str(tmp_path / "pipe.py")) == (
        "not a regular file (a FIFO, socket or device)"
    )


def test_a_socket_and_a_device_are_refused(tmp_path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock.py"))
        # open() itself fails on a socket (ENXIO): a reason, not an error
        assert read_source(str(tmp_path), "sock.py") == "cannot be read: No such device or address"
        assert unusable_file(str(tmp_path / "sock.py")) == (
            "not a regular file (a FIFO, socket or device)"
        )
    finally:
        server.close()
    assert "not a regular file" in str(read_source("/", "dev/zero"))  # would never end


def test_every_failure_is_a_reason(tmp_path: Path) -> None:
    (tmp_path / "folder.py").mkdir()
    (tmp_path / "loop.py").symlink_to("loop.py")
    (tmp_path / "dangling.py").symlink_to("missing.py")
    root = str(tmp_path)
    assert read_source(root, "folder.py") == "a directory named like a Python file"
    assert read_source(root, "loop.py") == "symbolic link loop"
    assert read_source(root, "dangling.py") == "broken symbolic link"
    assert read_source(root, "gone.py") == "the file disappeared before it could be read"
    assert unusable_file(str(tmp_path / "loop.py")) == "symbolic link loop"
    assert unusable_file(str(tmp_path / "dangling.py")) == "broken symbolic link"


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    content = b"x = 1\n" * 100_000
    (tmp_path / "big.py").write_bytes(content)
    (tmp_path / "empty.py").write_bytes(b"")
    (tmp_path / "link.py").symlink_to("big.py")
    assert read_file(str(tmp_path / "big.py")) == content
    assert read_file(str(tmp_path / "empty.py")) == b""
    assert read_source(str(tmp_path), "link.py") == content
    assert unusable_file(str(tmp_path / "big.py")) is None
