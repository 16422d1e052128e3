"""The gate's duplication step: the copies the change made in its touched files (CH510).

Its cost follows the change: the touched files are fingerprinted from the contents the gate
already read; the other files are the same at both sides, so their fingerprints are those of
the base tree's blobs, cached by blob id in ``.codehealth/fingerprints.sqlite`` (the first
run on a repository fingerprints them all once; later runs read only the cache).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping, Sequence
from typing import Protocol

from codehealth.adapters.cache import Cache, decode_prints, encode_prints
from codehealth.adapters.files import excluder
from codehealth.adapters.git import EMPTY_TREE, BlobReader, tree_blobs
from codehealth.adapters.pool import cores, spread_map
from codehealth.core import ChangedFile, Finding, Fingerprints, Settings, fingerprint
from codehealth.duplication import FINGERPRINT_VERSION, KGRAM, WINDOW, file_fingerprints
from codehealth.gate.copies import FileDiff, NewCopy, file_diff, new_copies, new_duplication_percent
from codehealth.gate.report import ERROR, NEW_DUPLICATION, WARNING, Problem
from codehealth.gate.signal import lenient_tests
from codehealth.version import __version__


class Change(Protocol):
    """The change under review: its touched files and their contents at both sides (by
    head-side path; a deleted file by its old path)."""

    @property
    def changes(self) -> Sequence[ChangedFile]: ...
    @property
    def before(self) -> Mapping[str, bytes | None]: ...
    @property
    def after(self) -> Mapping[str, bytes | None]: ...


def duplication_problems(
    root: str, settings: Settings, base: str, change: Change, use_cache: bool = True
) -> list[Problem]:
    """CH510 for each new copy in the touched files; errors when the new copies are more than
    ``max_new_duplication`` percent of the added lines (of production files)."""
    if not settings.duplication.enabled:
        return []
    head, old, added = _touched(settings, change.changes, change.before, change.after)
    if not head:
        return []
    touched = {path for c in change.changes for path in (c.path, c.old_path) if path}
    others = _untouched(root, settings, base, touched, use_cache)
    copies = new_copies(head, old, others, added, settings.duplication)
    failing, percent = _failing(copies, added, settings)
    return [_problem(c, c in failing, percent, settings, change.after) for c in copies]


def _failing(
    copies: list[NewCopy], added: Mapping[str, FileDiff], settings: Settings
) -> tuple[list[NewCopy], float]:
    """The copies that fail (none when the production copies are within the limit), and
    the percentage of the added production lines that are new copies."""
    judged = [c for c in copies if not lenient_tests(c.copy.path, settings)]
    counted = [diff.added for path, diff in added.items() if not lenient_tests(path, settings)]
    percent = new_duplication_percent(judged, sum(map(len, counted)))
    return (judged if percent > settings.gate.max_new_duplication else []), percent


def _touched(
    settings: Settings,
    changes: Sequence[ChangedFile],
    before: Mapping[str, bytes | None],
    after: Mapping[str, bytes | None],
) -> tuple[dict[str, Fingerprints], dict[str, Fingerprints], dict[str, FileDiff]]:
    """Fingerprints of the touched files at the head and at the base (by head-side path, a
    deleted file by its old path), and the lines the change added to each."""
    head: dict[str, Fingerprints] = {}
    old: dict[str, Fingerprints] = {}
    added: dict[str, FileDiff] = {}
    for change in changes:
        key = change.path or change.old_path
        if settings.duplication.excludes(key):
            continue
        was, now = before.get(key), after.get(key) if change.path else None
        was_printed, now_printed = _prints(was), _prints(now)
        if was_printed is not None:
            old[key] = was_printed
        if now is not None and now_printed is not None:
            head[key] = now_printed
            added[key] = file_diff(was, now)
    return head, old, added


def _prints(content: bytes | None) -> Fingerprints | None:
    printed = file_fingerprints(content) if content else None
    return None if isinstance(printed, str) else printed


def _untouched(
    root: str, settings: Settings, base: str, touched: set[str], use_cache: bool
) -> dict[str, Fingerprints]:
    """The fingerprints of the base tree's Python files the change does not touch."""
    if base == EMPTY_TREE:
        return {}
    blobs = _python_blobs(root, base, touched, settings)
    folder = os.path.join(root, settings.cache_dir)
    cache = Cache(folder, _salt(), "fingerprints.sqlite") if use_cache else None
    try:
        known = _cached(cache, set(blobs.values()))
        fresh = _fingerprinted(root, sorted(set(blobs.values()) - set(known)), settings.jobs)
        if cache is not None:
            cache.put_many((f"blob:{sha}", encode_prints(value)) for sha, value in fresh.items())
    finally:
        if cache is not None:
            cache.close()
    known.update(fresh)
    return _usable(blobs, known)


def _usable(blobs: dict[str, str], known: dict[str, Fingerprints | str]) -> dict[str, Fingerprints]:
    found: dict[str, Fingerprints] = {}
    for path, sha in blobs.items():
        value = known.get(sha, "")
        if not isinstance(value, str):
            found[path] = value
    return found


def _python_blobs(root: str, base: str, touched: set[str], settings: Settings) -> dict[str, str]:
    """path -> blob id of the base tree's Python files the change does not touch (and the
    configuration does not exclude)."""
    excluded, copies_excluded = excluder(settings.excluded_patterns), settings.duplication.excludes
    return {
        path: sha
        for path, sha in tree_blobs(root, base).items()
        if path.endswith(".py")
        and path not in touched
        and not excluded(path)
        and not copies_excluded(path)
    }


def _cached(cache: Cache | None, shas: set[str]) -> dict[str, Fingerprints | str]:
    if cache is None:
        return {}
    stored = cache.get_many(sorted(f"blob:{sha}" for sha in shas))
    found: dict[str, Fingerprints | str] = {}
    for key, text in stored.items():
        with contextlib.suppress(ValueError, TypeError):
            found[key.removeprefix("blob:")] = decode_prints(text)
    return found


def _fingerprinted(root: str, shas: Sequence[str], jobs: int) -> dict[str, Fingerprints | str]:
    """The blobs' fingerprints, over the machine's cores (a first run fingerprints the
    whole base tree)."""
    if not shas:
        return {}
    with BlobReader(root) as reader:
        blobs = list(reader.read_many(shas))
    weight = _blob_size
    return dict(spread_map(_blob_fingerprints, blobs, weight, jobs or cores()))


def _blob_size(blob: tuple[str, bytes | None]) -> int:
    return len(blob[1] or b"")


def _blob_fingerprints(blob: tuple[str, bytes | None]) -> tuple[str, Fingerprints | str]:
    sha, content = blob
    return sha, file_fingerprints(content) if content is not None else "missing from git"


def _problem(
    copy: NewCopy,
    fails: bool,
    percent: float,
    settings: Settings,
    after: Mapping[str, bytes | None],
) -> Problem:
    limit = settings.gate.max_new_duplication
    lenient = lenient_tests(copy.copy.path, settings)
    why = (
        "in test code: a warning ([tool.codehealth.tests] gate = true judges it)"
        if lenient
        else f"new copies are {percent:.1f} % of the change's added lines"
        f" (max_new_duplication = {limit} %)"
    )
    message = f"{copy.message}; {why}"
    content = after.get(copy.copy.path) or b""
    lines = content.split(b"\n")
    text = lines[copy.copy.start - 1] if copy.copy.start <= len(lines) else b""
    finding = Finding(
        rule=NEW_DUPLICATION,
        path=copy.copy.path,
        line=copy.copy.start,
        message=message,
        severity="major",
        end_line=copy.copy.end,
        fix="call the existing code instead of copying it (extract a function both use)",
        fingerprint=fingerprint(
            NEW_DUPLICATION, copy.copy.path, "", text.decode("utf-8", "replace"), 0
        ),
    )
    kind = "test code" if lenient else "duplication"
    return Problem(finding, ERROR if fails else WARNING, kind)


def _salt() -> str:
    grammar = f"py{sys.version_info[0]}.{sys.version_info[1]}"
    return f"{__version__}/fp{FINGERPRINT_VERSION}.{KGRAM}.{WINDOW}/{grammar}"
