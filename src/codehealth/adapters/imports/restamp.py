"""grimp's cache made to follow contents: it keys each module's imports by its file's
modification time, so a fresh checkout (a CI runner with ``.codehealth/`` restored) missed
every module, and an edit that kept the time was not seen. codehealth records, beside it,
the blob id each module had when grimp last scanned it; before a build, a module whose
content is the recorded one gets its file's current time in grimp's record (a hit), and one
whose content changed under the same time gets no time (a miss)."""

from __future__ import annotations

import contextlib
import glob
import json
import os
from collections.abc import Mapping
from typing import Any

RECORD = "codehealth-contents.json"  # module -> [time grimp recorded, blob id then]


def current_times(files: Any) -> dict[str, float]:
    """Module -> the modification time grimp read for its file (in the listing)."""
    return {
        item.module.name: item.mtime
        for found in files.found.values()
        for item in found.module_files
    }


def restamp(cache_dir: str, files: Any, blobs: Mapping[str, str]) -> None:
    """Before a build: grimp's times set from contents (``blobs``: absolute path -> blob
    id of the file on disk), for the modules recorded after the last build."""
    recorded = _read(os.path.join(cache_dir, RECORD))
    if not recorded:
        return
    now = current_times(files)
    for meta in glob.glob(os.path.join(glob.escape(cache_dir), "*.meta.json")):
        times = _read(meta)
        changed = False
        for module, stamp in times.items():
            blob = blobs.get(files.paths.get(module, ""))
            wanted = _stamp(recorded.get(module), stamp, now.get(module), blob)
            if wanted is not None and wanted != stamp:
                times[module], changed = wanted, True
        if changed:
            _write(meta, times)


def _stamp(entry: Any, stamp: float, time: float | None, blob: str | None) -> float | None:
    """The time grimp should hold for a module: the file's own when its content is the one
    recorded with grimp's ``stamp``, none (-1) when it changed; None: no record of it, or
    grimp scanned it since."""
    if not isinstance(entry, list) or entry[0] != stamp or time is None or not blob:
        return None
    return time if entry[1] == blob else -1.0


def record(cache_dir: str, files: Any, blobs: Mapping[str, str]) -> None:
    """After a build: the time grimp recorded for each module and the content it had."""
    entries = {
        module: [time, blobs[path]]
        for module, time in current_times(files).items()
        if (path := files.paths.get(module)) in blobs
    }
    _write(os.path.join(cache_dir, RECORD), entries)


def _read(path: str) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            found = json.load(handle)
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _write(path: str, data: dict[str, Any]) -> None:
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        os.replace(temporary, path)
    except OSError:  # a full disk: grimp's own record stands
        with contextlib.suppress(OSError):
            os.remove(temporary)
