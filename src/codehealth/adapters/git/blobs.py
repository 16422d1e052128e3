"""Blob contents from ONE long-lived ``git cat-file --batch`` process."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from types import TracebackType

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
        stdin.write(sha.encode("ascii") + b"\n")
        stdin.flush()
        header = stdout.readline()
        if not header:
            raise GitError("git cat-file stopped unexpectedly")
        parts = header.split()
        if len(parts) < 3 or parts[1] == b"missing":
            return None
        size = int(parts[2])
        data = stdout.read(size)
        stdout.read(1)  # the newline after the content
        return data if parts[1] == b"blob" else None

    def read_many(self, shas: Sequence[str]) -> Iterator[tuple[str, bytes | None]]:
        """Every blob of ``shas`` in order, requests written by a thread while the answers
        are read, so git never waits for this process (and nothing deadlocks)."""
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None

        def feed() -> None:
            try:
                for start in range(0, len(shas), 512):
                    stdin.write("".join(f"{sha}\n" for sha in shas[start : start + 512]).encode())
                stdin.flush()
            except (BrokenPipeError, ValueError):
                pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        try:
            for sha in shas:
                header = stdout.readline()
                if not header:
                    raise GitError("git cat-file stopped unexpectedly")
                parts = header.split()
                if len(parts) < 3 or parts[1] == b"missing":
                    yield sha, None
                    continue
                data = stdout.read(int(parts[2]))
                stdout.read(1)
                yield sha, data if parts[1] == b"blob" else None
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
