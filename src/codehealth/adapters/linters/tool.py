"""A linter ready to run: its command, and what its results depend on (for the cache)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LintTool:
    """``command`` is the argument list before the file names. ``salt`` changes whenever the
    tool's results could: its executable (version) and the project's configuration of it."""

    name: str
    command: tuple[str, ...]
    salt: str


class LintUnavailable(Exception):
    """The linter cannot be run (not installed, not executable): the report is incomplete."""


def find_executable(name: str, setting: str) -> str:
    """The executable for ``setting`` (``auto``/``on``: next to this Python, then on PATH)."""
    if setting not in ("auto", "on"):
        found = shutil.which(setting)
        if found is None:
            raise LintUnavailable(f"{name}: {setting!r} is not an executable command")
        return found
    here = os.path.dirname(sys.executable)
    found = shutil.which(name, path=here) or shutil.which(name)
    if found is None:
        raise LintUnavailable(
            f"{name} is not installed (looked next to {sys.executable} and on PATH); "
            f"install it or set [tool.codehealth.debt] {name} = false"
        )
    return found


def executable_identity(path: str) -> str:
    """Stands for the tool's version without running it: path, size and modification time
    of the executable (an upgrade replaces the file)."""
    try:
        status = os.stat(path)
    except OSError:
        return path
    return f"{os.path.realpath(path)}:{status.st_size}:{status.st_mtime_ns}"


def digest(parts: list[bytes]) -> str:
    hasher = hashlib.blake2b(digest_size=12)
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.hexdigest()
