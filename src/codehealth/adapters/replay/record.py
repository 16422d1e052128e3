"""A warm run's record: replayed when its inputs' digest is unchanged, else written
from what the run printed (see ``adapters.replay``)."""

from __future__ import annotations

import os
import sys
import time

from codehealth.adapters.replay.inputs import SETTLED_NS, Snapshot

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
    """One run's record: replayed when its inputs are unchanged, else kept for next time."""

    def __init__(self, root: str, key: str, inputs: Snapshot) -> None:
        self.root = root
        self.path = os.path.join(root, _RECORDS, key)
        self.inputs = inputs
        self.started_ns = time.time_ns()
        self.tees: tuple[_Tee, _Tee] | None = None

    def replay(self) -> int | None:
        """Print the recorded output and return its exit code; None without a valid record.
        A record is a line ``digest code length``, then standard error's ``length`` bytes
        (UTF-8) and standard output's bytes, written as they are."""
        try:
            with open(self.path, "rb") as handle:
                digest, code_text, length = handle.readline().decode("ascii").split()
                if digest != self.inputs.digest:
                    return None
                code, err = int(code_text), handle.read(int(length)).decode("utf-8")
                out = handle.read()
        except (OSError, ValueError):
            return None
        sys.stderr.write(err)
        sys.stderr.flush()
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a stream without bytes: the text, as it was recorded
            sys.stdout.write(out.decode(sys.stdout.encoding or "utf-8", "replace"))
        else:
            buffer.write(out)
        sys.stdout.flush()
        return code

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
        settled = self.inputs.newest_ns < self.started_ns - SETTLED_NS
        cache = os.path.dirname(os.path.dirname(self.path))
        if code not in (0, 1) or not settled or not os.path.isdir(cache):
            return
        errors = "".join(err.parts).encode("utf-8", "backslashreplace")
        encoding = getattr(out.stream, "encoding", None) or "utf-8"
        body = "".join(out.parts).encode(encoding, "backslashreplace")
        header = f"{self.inputs.digest} {code} {len(errors)}\n".encode("ascii")
        _keep(self.path, header + errors + body)


def _keep(path: str, content: bytes) -> None:
    """Write the record atomically, and drop all but the newest few (each holds a report)."""
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
