"""Blob contents from ONE long-lived ``git cat-file --batch`` process: the one blob reader
(object ids, or ``revision:path`` names, the index's ``:path``)."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import IO

from codehealth.adapters.git.runner import GitError, start_git


class BlobReader:
    """``read(sha)`` -> bytes; one request at a time over the process's pipes."""

    def __init__(self, root: str) -> None:
        # Its stderr is not read: a missing object is answered on stdout.
        self._process = start_git(root, ["cat-file", "--batch"], stdin=True, errors=False)

    def read(self, sha: str) -> bytes | None:
        """The blob's bytes, or None when git does not have it (a shallow clone's edge)."""
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(_request([sha]))
        stdin.flush()
        return _answer(stdout)

    def read_many(self, shas: Sequence[str]) -> Iterator[tuple[str, bytes | None]]:
        """Every blob of ``shas`` in order, requests written by a thread while the answers
        are read, so git never waits for this process (and nothing deadlocks)."""
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None

        def feed() -> None:
            try:
                for start in range(0, len(shas), 512):
                    stdin.write(_request(shas[start : start + 512]))
                stdin.flush()
            except (BrokenPipeError, ValueError):
                pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        try:
            for sha in shas:
                yield sha, _answer(stdout)
        finally:
            writer.join()

    def close(self) -> None:
        process = self._process
        if process.stdin is not None:
            process.stdin.close()
        if process.stdout is not None:
            process.stdout.close()
        process.wait()

    def __enter__(self) -> BlobReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _request(names: Sequence[str]) -> bytes:
    # surrogateescape: a path that is not UTF-8 is asked for as it was read
    return "".join(f"{name}\n" for name in names).encode("utf-8", "surrogateescape")


def _answer(stdout: IO[bytes]) -> bytes | None:
    """One answer: ``<id> <type> <size>`` and the content, or ``<name> missing`` (the name
    may hold spaces); None for a missing object or one that is not a blob."""
    header = stdout.readline()
    if not header:
        raise GitError("git cat-file stopped unexpectedly")
    fields = header.rstrip(b"\n").rsplit(b" ", 2)
    if len(fields) != 3 or not fields[2].isdigit():
        return None  # "<name> missing", "<name> ambiguous"
    data = stdout.read(int(fields[2]))
    stdout.read(1)  # the newline after the content
    return data if fields[1] == b"blob" else None


def blob_id(content: bytes) -> str:
    """git's id of a blob holding ``content`` (SHA-1 object format), without running git."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content, usedforsecurity=False).hexdigest()
