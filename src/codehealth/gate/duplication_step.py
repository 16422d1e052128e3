"""The gate's duplication step: the copies the change made in its touched files (CH510).

Its cost follows the change: the touched files are fingerprinted from the contents the gate
already read; the other files are the same at both sides, so their fingerprints are those of
the base tree's blobs, indexed by hash in ``.codehealth/fingerprints.sqlite`` (the first run
on a repository fingerprints them all once; later runs read from the index only the
fingerprints that share a hash with the touched files, all that new copies look at).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from codehealth.adapters.cache import PRINT_RECORD, Cache, pack_prints, print_terms, unpack_prints
from codehealth.adapters.files import excluder
from codehealth.adapters.git import EMPTY_TREE, BlobReader, tree_blobs
from codehealth.adapters.pool import cores, spread_map
from codehealth.core import (
    FINGERPRINT_FIELDS,
    ChangedFile,
    Fingerprints,
    Settings,
)
from codehealth.duplication import FINGERPRINT_VERSION, KGRAM, WINDOW, file_fingerprints
from codehealth.gate.copies import FileDiff, file_diff, new_copies
from codehealth.gate.copy_problems import copy_problems
from codehealth.gate.report import Problem
from codehealth.gate.touched_prints import content_key, touched_fingerprints
from codehealth.version import __version__

# An index of more than twice the base tree's blobs, and this many more, forgets the blobs no
# longer in it (a few branches' worth of blobs stay between two prunings).
_SPARE = 1000


class Change(Protocol):
    """The change under review: its touched files and their contents at both sides (by
    head-side path; a deleted file by its old path)."""

    @property
    def changes(self) -> Sequence[ChangedFile]: ...
    @property
    def before(self) -> Mapping[str, bytes | None]: ...
    @property
    def after(self) -> Mapping[str, bytes | None]: ...


@dataclass(frozen=True, slots=True)
class _Touched:
    """What the untouched files are read for: the touched paths and their fingerprints'
    hashes (at both sides)."""

    paths: set[str]
    hashes: set[int]


def duplication_problems(
    root: str,
    settings: Settings,
    base: str,
    change: Change,
    use_cache: bool = True,
    notes: list[str] | None = None,
) -> list[Problem]:
    """CH510 for each new copy in the touched files; errors when the new copies are more than
    ``max_new_duplication`` percent of the added lines (of production files)."""
    if not settings.duplication.enabled:
        return []
    folder = os.path.join(root, settings.cache_dir)
    cache = Cache(folder, _salt(), "fingerprints.sqlite", PRINT_RECORD) if use_cache else None
    try:
        return _problems(root, settings, base, change, cache)
    finally:
        if cache is not None:
            cache.close()
            if notes is not None:
                notes.extend(cache.notes)


def _problems(
    root: str,
    settings: Settings,
    base: str,
    change: Change,
    cache: Cache | None,
) -> list[Problem]:
    printed = touched_fingerprints(_contents(settings, change), cache)
    head, old, added = _touched(settings, change, printed)
    if not head:
        return []
    paths = {path for c in change.changes for path in (c.path, c.old_path) if path}
    sides = (*head.values(), *old.values())
    hashes = {rows[at] for rows in sides for at in range(0, len(rows), FINGERPRINT_FIELDS)}
    others = _untouched(root, settings, base, _Touched(paths, hashes), cache)
    copies = new_copies(head, old, others, added, settings.duplication)
    return copy_problems(copies, added, settings, change.after)


def _touched(
    settings: Settings, change: Change, printed: Mapping[str, Fingerprints | str]
) -> tuple[dict[str, Fingerprints], dict[str, Fingerprints], dict[str, FileDiff]]:
    """Fingerprints of the touched files at the head and at the base (by head-side path, a
    deleted file by its old path), and the lines the change added to each."""
    head: dict[str, Fingerprints] = {}
    old: dict[str, Fingerprints] = {}
    added: dict[str, FileDiff] = {}
    for key, was, now in _sides(settings, change):
        was_printed, now_printed = _prints(was, printed), _prints(now, printed)
        if was_printed is not None:
            old[key] = was_printed
        if now is not None and now_printed is not None:
            head[key] = now_printed
            added[key] = file_diff(was, now)
    return head, old, added


def _contents(settings: Settings, change: Change) -> list[bytes]:
    """The touched files' contents at both sides that copies are looked for in."""
    sides = _sides(settings, change)
    return [content for _, was, now in sides for content in (was, now) if content]


def _sides(settings: Settings, change: Change) -> Iterator[tuple[str, bytes | None, bytes | None]]:
    """(head-side path, a deleted file's old path; base content; head content) of each
    touched file the detector is not told to leave out."""
    for changed in change.changes:
        key = changed.path or changed.old_path
        if not settings.duplication.excludes(key):
            yield key, change.before.get(key), change.after.get(key) if changed.path else None


def _prints(
    content: bytes | None, printed: Mapping[str, Fingerprints | str]
) -> Fingerprints | None:
    found = printed.get(content_key(content)) if content else None
    return None if found is None or isinstance(found, str) else found


def _untouched(
    root: str, settings: Settings, base: str, touched: _Touched, cache: Cache | None
) -> dict[str, Fingerprints]:
    """The fingerprints of the base tree's Python files the change does not touch: of each,
    at least those whose hash is one of the touched files' (the cache's index holds all, and
    returns only those; new copies only use those)."""
    if base == EMPTY_TREE:
        return {}
    blobs = _python_blobs(root, base, touched.paths)
    included = _Included(settings)  # judged only for the blobs read or fingerprinted
    known = _indexed(cache, set(blobs.values()))
    fresh = _fingerprinted(root, included.blobs(blobs, known), settings.jobs)
    _store(cache, fresh, blobs)
    found = _found(cache, touched.hashes, known)
    if found is None:  # the index broke: fingerprint what it held
        found = _fingerprinted(root, included.blobs(blobs, set(fresh)), settings.jobs)
    known_prints = {**found, **fresh}
    return {
        path: value
        for path, sha in blobs.items()
        if not isinstance(value := known_prints.get(sha, ""), str) and included(path)
    }


def _store(
    cache: Cache | None, fresh: Mapping[str, Fingerprints | str], blobs: Mapping[str, str]
) -> None:
    """Index the fresh fingerprints; forget old blobs (their records would slow every
    lookup down) when the index has grown past twice the tree."""
    if cache is not None:
        cache.index_many({f"blob:{sha}": pack_prints(value) for sha, value in fresh.items()})
        cache.prune_index({f"blob:{sha}" for sha in blobs.values()}, 2 * len(blobs) + _SPARE)


class _Included:
    """Whether the configuration lets a file's copies count (its excludes compiled once)."""

    def __init__(self, settings: Settings) -> None:
        self._excluded = excluder(settings.excluded_patterns)
        self._copies_excluded = settings.duplication.excludes

    def __call__(self, path: str) -> bool:
        return not self._excluded(path) and not self._copies_excluded(path)

    def blobs(self, blobs: Mapping[str, str], but: set[str]) -> list[str]:
        """The blobs of the included paths, but those in ``but``."""
        return sorted({sha for path, sha in blobs.items() if sha not in but and self(path)})


def _python_blobs(root: str, base: str, touched: set[str]) -> dict[str, str]:
    """path -> blob id of the base tree's Python files the change does not touch."""
    return {
        path: sha
        for path, sha in tree_blobs(root, base).items()
        if path.endswith(".py") and path not in touched
    }


def _indexed(cache: Cache | None, shas: set[str]) -> set[str]:
    if cache is None:
        return set()
    keys = cache.indexed(sorted(f"blob:{sha}" for sha in shas))
    return {key.removeprefix("blob:") for key in keys}


def _found(
    cache: Cache | None, hashes: set[int], known: set[str]
) -> dict[str, Fingerprints | str] | None:
    """The indexed fingerprints of the ``known`` blobs whose hash is in ``hashes`` (by blob,
    in their order); None when the index cannot be read."""
    if cache is None or not known:
        return {}
    records = cache.find(print_terms(sorted(hashes)))
    if records is None:
        return None
    by_blob: dict[str, list[tuple[int, bytes]]] = {}
    for key, seq, record in records:
        sha = key.removeprefix("blob:")
        if sha in known:
            by_blob.setdefault(sha, []).append((seq, record))
    return {sha: unpack_prints(r for _, r in sorted(rows)) for sha, rows in by_blob.items()}


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


def _salt() -> str:
    grammar = f"py{sys.version_info[0]}.{sys.version_info[1]}"
    # idx1: the fingerprints are in the cache's index (the older entries held them whole)
    return f"{__version__}/fp{FINGERPRINT_VERSION}.{KGRAM}.{WINDOW}/{grammar}/idx1"
