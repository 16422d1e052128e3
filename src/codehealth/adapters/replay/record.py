"""A warm run's record: replayed when its inputs' digest is unchanged, else written
from what the run printed (see ``adapters.replay``)."""

from __future__ import annotations

import os
import sys
import time

from codehealth.adapters.replay.inputs import SETTLED_NS, Snapshot, rechecked, snapshot

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import IO, Any

_RECORDS = os.path.join(".codehealth", "replay")
_KEPT_RECORDS = 8


class _Tee:
    """A stream that keeps a copy of what is written through it."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return self.stream.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


class WarmRun:
    """One run's record: replayed when its inputs are unchanged, else kept for next time.

    A record is a line ``digest code errors walked``, then standard error's ``errors``
    bytes (UTF-8), the ``walked`` bytes of the walk's paths (NUL-separated, -1 in git),
    and standard output's bytes, as they were written."""

    def __init__(self, root: str, argv: list[str], key: str) -> None:
        self.root, self.argv = root, argv
        self.path = os.path.join(root, _RECORDS, key)
        self.started_ns = time.time_ns()
        self.inputs: Snapshot | None = None  # taken when the record does not stand
        self.tees: tuple[_Tee, _Tee] | None = None

    def replay(self) -> int | None:
        """Print the recorded output and return its exit code; None without a valid record
        (then the inputs are taken, for the record this run leaves)."""
        try:
            record = _read(self.path)
        except (ValueError, UnicodeDecodeError):  # damaged, or an older layout: replaced
            record = None
        try:
            if record is not None and self._still(record[0], record[3]):
                _write(record[2], record[4])
                return record[1]
            if self.inputs is None:
                self.inputs = snapshot(self.root, self.argv)
        except OSError:  # a folder that cannot be read: the run itself says so
            self.inputs = None
        return None

    def _still(self, digest: str, walked: tuple[str, ...] | None) -> bool:
        if walked is not None:
            return rechecked(self.root, self.argv, walked) == digest
        self.inputs = snapshot(self.root, self.argv)
        return self.inputs.digest == digest

    def start_recording(self) -> None:
        self.tees = (_Tee(sys.stdout), _Tee(sys.stderr))
        sys.stdout, sys.stderr = self.tees

    def finish(self, code: int) -> None:
        """Restore the streams; keep the record of a finished run (0 or 1) whose inputs had
        settled and whose project has a cache folder."""
        if self.tees is None:
            return
        out, err = self.tees
        sys.stdout, sys.stderr = out.stream, err.stream
        inputs, cache = self.inputs, os.path.dirname(os.path.dirname(self.path))
        if inputs is None or code not in (0, 1) or not os.path.isdir(cache):
            return
        if inputs.newest_ns >= self.started_ns - SETTLED_NS:
            return
        errors = "".join(err.parts).encode("utf-8", "backslashreplace")
        walked = b"" if inputs.walked is None else _encode("\0".join(inputs.walked))
        length = -1 if inputs.walked is None else len(walked)
        encoding = getattr(out.stream, "encoding", None) or "utf-8"
        body = "".join(out.parts).encode(encoding, "backslashreplace")
        header = f"{inputs.digest} {code} {len(errors)} {length}\n".encode("ascii")
        _keep(self.path, header + errors + walked + body)


_Record = tuple[str, int, str, "tuple[str, ...] | None", memoryview]


def _read(path: str) -> _Record | None:
    """(digest, code, standard error, the walk's paths, standard output); None when there
    is no record (ValueError for a damaged one)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError:
        return None
    content, end = memoryview(raw), raw.index(b"\n")  # slices of a view copy nothing
    digest, code, errors, length = bytes(content[:end]).decode("ascii").split()
    at = end + 1 + int(errors)
    err = bytes(content[end + 1 : at]).decode("utf-8")
    walked = None
    if int(length) >= 0:
        text = bytes(content[at : at + int(length)]).decode("utf-8", "surrogateescape")
        walked, at = (tuple(text.split("\0")) if text else ()), at + int(length)
    return digest, int(code), err, walked, content[at:]


def _write(err: str, out: memoryview) -> None:
    sys.stderr.write(err)
    sys.stderr.flush()
    try:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a stream without bytes: the text, as it was recorded
            sys.stdout.write(bytes(out).decode(sys.stdout.encoding or "utf-8", "replace"))
        else:
            buffer.write(out)
        sys.stdout.flush()
    except BrokenPipeError:  # `codehealth scan | head`: as console.write, no traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _keep(path: str, content: bytes) -> None:
    """Write the record atomically, and drop all but the newest few (each holds a report).
    Not adapters.files.replace_file: that package imports the analysis core."""
    folder = os.path.dirname(path)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(folder, exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(content)
        os.replace(temporary, path)
        records = sorted(os.scandir(folder), key=lambda entry: entry.stat().st_mtime_ns)
        for stale in records[:-_KEPT_RECORDS]:
            os.unlink(stale.path)
    except OSError:  # a read-only cache folder costs the next run its replay, nothing else
        if os.path.exists(temporary):
            os.unlink(temporary)
