"""Running a linter as a subprocess (an argument list, never a shell string) in the
background while the scan or the gate works, and collecting its hits: files on disk, and
contents that are not (a base revision, the index) piped in one by one. The only place that
starts a linter: one timeout, one reading of its errors and of its configuration errors."""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO

from codehealth.adapters.linters.flake8 import parse_flake8
from codehealth.adapters.linters.ruff import config_problem, parse_ruff
from codehealth.adapters.linters.tool import LintTool
from codehealth.core import Hit

# Keep each command line well under the kernel's limit (ARG_MAX is 2 MB on Linux).
_MAX_ARGUMENT_BYTES = 512 * 1024
# A linter that runs longer than this is stuck: stopped, and the report marked incomplete.
TIMEOUT_SECONDS = 900.0


@dataclass(frozen=True, slots=True)
class LintResult:
    """``hits`` for every file linted (empty list: clean). ``problem``: the tool failed and
    the report is incomplete. ``config_error``: the tool rejected the project's config."""

    tool: str
    hits: dict[str, list[Hit]] = field(default_factory=dict)
    problem: str = ""
    config_error: str = ""


class Pending:
    """A linter started on some files; ``wait()`` collects its result.

    ``files`` (project-relative) are linted where they are on disk, their hits keyed by path.
    ``contents`` maps a key to (path, content): each is piped to one ``--stdin-filename``
    process (ruff), its hits keyed by that key."""

    def __init__(
        self,
        tool: LintTool,
        root: str,
        files: Sequence[str],
        timeout: float = TIMEOUT_SECONDS,
        contents: Mapping[str, tuple[str, bytes]] | None = None,
    ) -> None:
        self.tool = tool
        self.timeout = timeout
        self.root = root
        self.files = list(files)
        self.contents = dict(contents or {})
        # (process, its stderr, the content key it lints; "" for files on disk)
        self.processes: list[tuple[subprocess.Popen[bytes], IO[bytes], str]] = []
        self.error = ""
        try:
            for chunk in _chunks(self.files) if self.files else ():
                # "--": a file named "-x.py" or "--output-file=x.py" is not an option
                self._start([*tool.command, "--", *chunk], None, "")
            for key, (path, content) in self.contents.items():
                where = os.path.join(root, path)
                self._start([*tool.command, "--stdin-filename", where, "-"], content, key)
        except OSError as error:
            self.error = f"{tool.name} could not be started: {error.strerror or error}"

    def _start(self, command: list[str], content: bytes | None, key: str) -> None:
        # stderr to a file: a chatty tool must not block on a full pipe.
        errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed in wait()
        process = subprocess.Popen(
            command,
            cwd=self.root,
            stdin=subprocess.DEVNULL if content is None else subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
        )
        self.processes.append((process, errors, key))
        if content is not None and process.stdin is not None:
            stdin, process.stdin = process.stdin, None  # communicate() must not flush it
            # ruff reads all of its input before it writes: this cannot block on stdout.
            # A tool that exits without reading it all (its configuration rejected) breaks
            # the pipe on the write, or on the flush of what is left when it is closed.
            with contextlib.suppress(BrokenPipeError):
                stdin.write(content)
            with contextlib.suppress(BrokenPipeError):
                stdin.close()

    def wait(self) -> LintResult:
        """Every process is waited for (and its stderr file closed), whatever came first."""
        name = self.tool.name
        hits: dict[str, list[Hit]] = {path: [] for path in self.files}
        problem, config_error = self.error, ""
        for process, errors, key in self.processes:
            output, failed, rejected = self._finish(process, errors)
            problem, config_error = problem or failed, config_error or rejected
            if problem or config_error:
                continue
            parsed = self._parse(output)
            if isinstance(parsed, str):
                problem = parsed
                continue
            _add_hits(hits, key, parsed)
        if config_error:
            return LintResult(name, config_error=config_error)
        if problem:
            return LintResult(name, problem=problem)
        return LintResult(name, hits)

    def _finish(
        self, process: subprocess.Popen[bytes], errors: IO[bytes]
    ) -> tuple[bytes, str, str]:
        """(stdout, why it failed, the configuration error it printed) of one process."""
        name = self.tool.name
        try:
            output, _ = process.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            errors.close()
            return b"", f"{name} did not finish within {self.timeout:g} s; stopped", ""
        errors.seek(0)
        message = errors.read().decode("utf-8", "replace").strip()
        errors.close()
        if process.returncode == 0:
            return output, "", ""
        if name == "ruff" and config_problem(message):
            return b"", "", message
        return b"", f"{name} failed (exit code {process.returncode}): {_first(message)}", ""

    def _parse(self, output: bytes) -> dict[str, list[Hit]] | str:
        """Hits by project-relative path, or why the output cannot be read."""
        try:
            if self.tool.name == "ruff":
                return parse_ruff(output, self.root)
            return parse_flake8(output, self.root)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            return f"{self.tool.name} printed output codehealth cannot read: {error}"


def _chunks(files: list[str]) -> list[list[str]]:
    chunks: list[list[str]] = [[]]
    size = 0
    for path in files:
        if size + len(path) + 1 > _MAX_ARGUMENT_BYTES and chunks[-1]:
            chunks.append([])
            size = 0
        chunks[-1].append(path)
        size += len(path) + 1
    return chunks


def _first(message: str, lines: int = 6) -> str:
    kept = message.splitlines()[:lines]
    return "\n".join(kept) if kept else "no message"


def _add_hits(hits: dict[str, list[Hit]], key: str, parsed: dict[str, list[Hit]]) -> None:
    """Add one process's hits; ``key``: the path its input stood for ("" for real paths)."""
    if key:  # linted, even when clean
        hits.setdefault(key, [])
    for path, found in parsed.items():
        hits.setdefault(key or path, []).extend(found)


def tool_version(path: str) -> str:
    """What ``path --version`` prints ("" when it cannot say: not runnable, an error, a
    hang beyond 10 s), for the caches' identity of a tool (``version_identity``)."""
    try:
        done = subprocess.run([path, "--version"], capture_output=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.decode("utf-8", "replace").strip()
