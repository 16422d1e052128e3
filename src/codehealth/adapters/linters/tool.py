"""A linter ready to run: its command, and what its results depend on (for the cache)."""

from __future__ import annotations

import contextlib
import hashlib
import json
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


_VERSIONS_FILE = "tools.json"


def version_identity(path: str, memo_folder: str | None) -> str:
    """Stands for the tool's version across installs: its ``--version`` output. A CI runner
    installs the tool afresh for each run (a new modification time), so the file's identity
    alone would make a cache restored from an earlier run miss. The output is remembered in
    ``memo_folder``/tools.json by the file's identity (one run of ``--version`` per
    install); without a folder (or when the tool does not answer), the file's identity."""
    identity = executable_identity(path)
    memo = _read_memo(memo_folder)
    known = memo.get(identity)
    if known is not None:
        return known
    from codehealth.adapters.linters.run import tool_version  # run.py starts the processes

    version = tool_version(path)
    if not version:
        return identity
    if memo_folder is not None and os.path.isdir(memo_folder):
        _write_memo(memo_folder, {**memo, identity: version})
    return version


def _read_memo(folder: str | None) -> dict[str, str]:
    """identity -> version; anything odd is no memo (the folder is the project's, untrusted:
    a wrong entry at worst makes the cache miss or hold another version's results)."""
    if folder is None:
        return {}
    try:
        with open(os.path.join(folder, _VERSIONS_FILE), encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _write_memo(folder: str, memo: dict[str, str]) -> None:
    from codehealth.adapters.files import replace_file

    with contextlib.suppress(OSError):  # a memo only: the next run asks the tool again
        replace_file(os.path.join(folder, _VERSIONS_FILE), json.dumps(memo, indent=1))


def digest(parts: list[bytes]) -> str:
    hasher = hashlib.blake2b(digest_size=12)
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.hexdigest()
