"""A folder walk's result remembered with the status of every folder it entered: when none
of them changed (a file or folder that comes or goes changes its folder's time), the walk
is not repeated. Statting 1,434 folders of Django's sdist takes ~3 ms, walking them ~30 ms.

The memo is a JSON file in the cache folder; a damaged or foreign one is walked over and
rewritten. A walk whose folders changed in the last 2 s is not remembered (git's racy
rule: a change in the same clock tick would not show in the time).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable

from codehealth.adapters.files.writing import replace_file

_FORMAT = 1
_RACY_NS = 2_000_000_000
Walk = Callable[[list[str]], list[str]]  # appends each folder it enters, returns the result


def remembered_walk(memo: str | None, key: str, walk: Walk) -> list[str]:
    """``walk``'s result, from ``memo`` (a file path; None: no memo) when every folder the
    walk entered is as it was; ``key`` names what was walked and how."""
    if memo is not None:
        kept = _read(memo, key)
        if kept is not None:
            return kept
    folders: list[str] = []
    found = walk(folders)
    if memo is not None:
        _write(memo, key, folders, found)
    return found


def _status(folder: str) -> list[int] | None:
    try:
        status = os.stat(folder)
    except OSError:
        return None
    return [status.st_mtime_ns, status.st_ctime_ns, status.st_ino]


def _read(memo: str, key: str) -> list[str] | None:
    try:
        with open(memo, encoding="utf-8") as handle:
            data = json.load(handle)
        if data["format"] != _FORMAT or data["key"] != key:
            return None
        if any(_status(folder) != status for folder, status in data["folders"]):
            return None
        return [str(path) for path in data["found"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(memo: str, key: str, folders: list[str], found: list[str]) -> None:
    statuses = [(folder, _status(folder)) for folder in folders]
    settled = time.time_ns() - _RACY_NS
    if any(status is None or status[0] > settled for _, status in statuses):
        return
    data = {"format": _FORMAT, "key": key, "folders": statuses, "found": found}
    with contextlib.suppress(OSError):
        os.makedirs(os.path.dirname(memo), exist_ok=True)
        replace_file(memo, json.dumps(data, separators=(",", ":")))
