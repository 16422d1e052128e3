"""The one way codehealth runs git: an argument list (never a shell) and one error path.

``run_git`` never raises: a command that fails, or a git that cannot be started, comes
back as a ``GitResult`` (``code`` None when git could not be started, with why). ``git_output``
is the same for a command that must work: ``GitError`` (exit 3) when it does not.
Long-running commands (the log, the blob reader) are started with ``start_git`` and
closed with ``finish_git``. Each caller turns these into its own contract (ConfigError
for what the user can fix, None or a default for a fact that may be missing).
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

GitProcess: TypeAlias = subprocess.Popen[bytes]  # a git started with ``start_git``
# A git process maps the pack files it reads, and the mapped pages it touched count in its
# resident memory: a whole-history ``log -M --numstat`` over saleor's 446 MB pack peaked at
# 410 MB, ~190 MB of it the mapped pack (issue 18: any process <= 300 MB). Smaller windows
# under a limit keep it at ~220 MB, the same output, for ~5 % more CPU (remapping).
BOUNDED_PACKS = ("-c", "core.packedGitWindowSize=32m", "-c", "core.packedGitLimit=128m")


class GitError(Exception):
    """git failed in a way that is not the user's configuration (exit 3)."""


@dataclass(frozen=True, slots=True)
class GitResult:
    """One finished git command: ``code`` None when git could not be started, ``stderr``
    then saying why."""

    code: int | None
    stdout: bytes
    stderr: bytes

    @property
    def ok(self) -> bool:
        return self.code == 0

    @property
    def message(self) -> str:
        """The last line git wrote to stderr (or why it could not start), for one line of
        explanation; "no message" when git wrote none."""
        lines = self.stderr.decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else "no message"

    def errors(self) -> str:
        """All that git wrote to stderr (or why it could not start), without the trailing
        newline; bytes that are not UTF-8 survive as surrogates (they may name objects)."""
        return self.stderr.decode("utf-8", "surrogateescape").strip()

    def text(self) -> str:
        """stdout as text, without the trailing newline (paths keep undecodable bytes)."""
        return self.stdout.decode("utf-8", "surrogateescape").strip()


def run_git(root: str, *args: str, stdin: bytes | None = None) -> GitResult:
    """``git -C root args...``, its output captured; never raises."""
    try:
        done = subprocess.run(
            ["git", "-C", root, *BOUNDED_PACKS, *args],
            input=stdin,
            capture_output=True,
            check=False,
        )
    except OSError as error:
        return GitResult(None, b"", _not_started(error).encode("utf-8", "surrogateescape"))
    return GitResult(done.returncode, done.stdout, done.stderr)


def git_output(root: str, *args: str, stdin: bytes | None = None) -> bytes:
    """The output of a git command that must succeed; GitError naming it otherwise."""
    result = run_git(root, *args, stdin=stdin)
    if result.code is None:
        raise GitError(result.errors())
    if not result.ok:
        raise GitError(f"git {_verb(args)} failed: {result.errors()}")
    return result.stdout


def start_git(
    root: str, args: Sequence[str], *, stdin: bool = False, errors: bool = True
) -> GitProcess:
    """A git process whose stdout is read while it runs; GitError when git cannot start.
    ``stdin`` opens a pipe for requests; ``errors`` False discards its stderr (a reader
    that judges by the output alone, and is not closed with ``finish_git``)."""
    try:
        return subprocess.Popen(
            ["git", "-C", root, *BOUNDED_PACKS, *args],
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE if errors else subprocess.DEVNULL,
        )
    except OSError as error:
        raise GitError(_not_started(error)) from None


def finish_git(process: GitProcess, args: Sequence[str]) -> None:
    """Close a process from ``start_git``; GitError with all it wrote to stderr when it
    failed. ``args`` are those it was started with, to name the command."""
    if process.stdout is not None:
        process.stdout.close()
    stderr = process.stderr.read() if process.stderr else b""
    if process.stderr:
        process.stderr.close()
    code = process.wait()
    if code != 0:
        raise GitError(f"git {_verb(args)} failed: {GitResult(code, b'', stderr).errors()}")


def _not_started(error: OSError) -> str:
    return f"git could not be run: {error.strerror or error}"


def _verb(args: Sequence[str]) -> str:
    """The git command of ``args``, after any ``-c name=value`` options."""
    words = list(args)
    while len(words) > 2 and words[0] == "-c":
        words = words[2:]
    return words[0] if words else ""
