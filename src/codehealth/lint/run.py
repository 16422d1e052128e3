"""Running a linter as a subprocess (an argument list, never a shell string) in the
background while the scan works, and collecting its hits."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO

from codehealth.debt import Hit
from codehealth.lint.flake8 import parse_flake8
from codehealth.lint.ruff import config_problem, parse_ruff
from codehealth.lint.tool import LintTool

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
    """A linter started on some files; ``wait()`` collects its result."""

    def __init__(
        self, tool: LintTool, root: str, files: Sequence[str], timeout: float = TIMEOUT_SECONDS
    ) -> None:
        self.tool = tool
        self.timeout = timeout
        self.root = root
        self.files = list(files)
        self.processes: list[tuple[subprocess.Popen[bytes], IO[bytes]]] = []
        self.error = ""
        try:
            for chunk in _chunks(self.files):
                # stderr to a file: a chatty tool must not block on a full pipe.
                errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed in wait()
                process = subprocess.Popen(
                    # "--": a file named "-x.py" or "--output-file=x.py" is not an option
                    [*tool.command, "--", *chunk],
                    cwd=root,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=errors,
                )
                self.processes.append((process, errors))
        except OSError as error:
            self.error = f"{tool.name} could not be started: {error.strerror or error}"

    def wait(self) -> LintResult:
        name = self.tool.name
        hits: dict[str, list[Hit]] = {path: [] for path in self.files}
        problem = self.error
        for process, errors in self.processes:
            try:
                output, _ = process.communicate(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()
                errors.close()
                problem = problem or f"{name} did not finish within {self.timeout:g} s; stopped"
                continue
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace").strip()
            errors.close()
            if problem:
                continue
            if process.returncode != 0:
                if name == "ruff" and config_problem(message):
                    return LintResult(name, config_error=message)
                problem = f"{name} failed (exit code {process.returncode}): {_first(message)}"
                continue
            try:
                parsed = (
                    parse_ruff(output, self.root)
                    if name == "ruff"
                    else parse_flake8(output, self.root)
                )
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                problem = f"{name} printed output codehealth cannot read: {error}"
                continue
            for path, found in parsed.items():
                hits.setdefault(path, []).extend(found)
        if problem:
            return LintResult(name, problem=problem)
        return LintResult(name, hits)


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
