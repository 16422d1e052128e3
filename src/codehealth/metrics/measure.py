"""Measuring a project: discover -> read -> cache -> analyse (in parallel), for every command
that needs each file's metrics."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from codehealth.adapters.cache import (
    CODEC_VERSION,
    Cache,
    decode,
    decode_prints,
    encode,
    encode_prints,
)
from codehealth.adapters.files import Discovery, discover, read_source
from codehealth.adapters.pool import process_pool, split_share
from codehealth.core import (
    HEAD_BYTES,
    Duplication,
    FileMetrics,
    Fingerprints,
    NotAnalysed,
    Settings,
    generated_marker,
)
from codehealth.duplication import FINGERPRINT_VERSION, KGRAM, WINDOW, file_fingerprints
from codehealth.metrics.analyze import METRICS_VERSION, analyze_source
from codehealth.metrics.copies import CopiesCache
from codehealth.version import __version__

Progress = Callable[[int, int], None]
# What discovery left out (hidden and vendored folders, generated files): `--verbose` shows it.
log = logging.getLogger("codehealth")

# Below this much work a process pool costs more than it saves.
_POOL_MIN_FILES = 8
_POOL_MIN_BYTES = 256 * 1024

_Item = tuple[str, bytes, bool, bool]  # path, content, measure it, fingerprint it
_Outcome = tuple[str, FileMetrics | NotAnalysed | None, Fingerprints | str | None]


@dataclass(frozen=True, slots=True)
class Measured:
    """Every discovered file measured (from the cache where possible), with its bytes."""

    discovered: tuple[str, ...]
    files: dict[str, FileMetrics]
    sources: dict[str, bytes]
    not_analysed: list[NotAnalysed]
    notes: list[str]
    left_out: tuple[tuple[str, str], ...] = ()  # (folder/ or file, why), not analysed
    # each analysed file's duplication fingerprints (or why it has none), when they had to
    # be loaded (the duplication was not cached) and the detector is on
    prints: dict[str, Fingerprints | str] = field(default_factory=dict)
    duplication: Duplication = field(default_factory=Duplication)  # clone groups


def measure_project(
    root: str,
    paths: Sequence[str],
    settings: Settings,
    use_cache: bool = True,
    progress: Progress | None = None,
    on_read: Callable[[dict[str, bytes]], None] | None = None,
) -> Measured:
    """Discover, read and measure; unchanged files come from the cache.

    ``on_read`` sees every file's bytes before the analysis starts (``debt`` starts its
    linters there, so they run while the files are measured). Each file's duplication
    fingerprints are computed in the same pass (and cached the same way) unless the
    detector is off."""
    exclude = settings.excluded_patterns
    discovery = discover(
        root,
        paths,
        exclude,
        hidden=settings.exclude_hidden,
        vendored=settings.exclude_vendored,
    )
    notes = [f"skipped {path}: {reason}" for path, reason in discovery.skipped]
    sources, not_analysed = _read_all(root, discovery.files)
    discovered, left_out = _leave_generated(discovery, sources, settings)
    if on_read is not None:
        on_read(sources)
    cache = Cache(os.path.join(root, settings.cache_dir), _salt()) if use_cache else None
    keys = {
        path: hashlib.blake2b(data, digest_size=16).hexdigest() for path, data in sources.items()
    }
    copies = CopiesCache(cache, keys, settings.duplication)
    known = copies.known() if settings.duplication.enabled else Duplication()
    fingerprint = known is None
    analysed, prints, failed = _analysed(sources, keys, cache, settings.jobs, progress, fingerprint)
    not_analysed += failed
    duplication = copies.computed(prints, analysed) if known is None else known
    if cache is not None:
        cache.close()
        notes.extend(cache.notes)
    return Measured(
        discovered, analysed, sources, not_analysed, notes, left_out, prints, duplication
    )


def _analysed(
    sources: dict[str, bytes],
    keys: dict[str, str],
    cache: Cache | None,
    jobs: int,
    progress: Progress | None,
    fingerprint: bool,
) -> tuple[dict[str, FileMetrics], dict[str, Fingerprints | str], list[NotAnalysed]]:
    """Every file's metrics (and fingerprints), from the cache where it has them, and the
    files that cannot be analysed; the fresh results go into the cache."""
    not_analysed: list[NotAnalysed] = []
    analysed, prints = _from_cache(cache, keys, fingerprint) if cache is not None else ({}, {})
    todo = [
        (path, sources[path], path not in analysed, fingerprint and path not in prints)
        for path in sources
        if path not in analysed or (fingerprint and path not in prints)
    ]
    fresh: list[tuple[str, str]] = []
    for outcome in _analyse(todo, jobs, progress):
        fresh += _keep(outcome, keys[outcome[0]], analysed, prints, not_analysed)
    if cache is not None:
        cache.put_many(fresh)
    return analysed, prints, not_analysed


def _keep(
    outcome: _Outcome,
    key: str,
    analysed: dict[str, FileMetrics],
    prints: dict[str, Fingerprints | str],
    not_analysed: list[NotAnalysed],
) -> list[tuple[str, str]]:
    """File one file's fresh results; the cache entries to write for them."""
    path, metrics, printed = outcome
    fresh = []
    if printed is not None:
        prints[path] = printed
        fresh.append((_prints_key(key), encode_prints(printed)))
    if isinstance(metrics, NotAnalysed):
        not_analysed.append(metrics)
        prints.pop(path, None)
    elif metrics is not None:
        analysed[path] = metrics
        fresh.append((key, encode(metrics)))
    return fresh


def _prints_key(key: str) -> str:
    """The cache key of a content's fingerprints: beside its metrics, with its own version."""
    return f"dup{FINGERPRINT_VERSION}.{KGRAM}.{WINDOW}:{key}"


def _leave_generated(
    discovery: Discovery, sources: dict[str, bytes], settings: Settings
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The files to analyse and everything left out (told on --verbose): the generated
    files are taken out of ``sources``."""
    generated = _generated(sources, discovery.named) if settings.exclude_generated else []
    for path, _ in generated:
        del sources[path]
    gone = {path for path, _ in generated}
    left_out = tuple(sorted((*discovery.left_out, *generated)))
    for path, reason in left_out:
        log.info("skipped %s: %s", path, reason)
    return tuple(path for path in discovery.files if path not in gone), left_out


def _generated(sources: dict[str, bytes], named: Sequence[str]) -> list[tuple[str, str]]:
    """(path, why) of the files whose first bytes say they are generated; a file named on
    the command line is analysed whatever it says."""
    found = []
    for path, content in sources.items():
        reason = generated_marker(content[:HEAD_BYTES])
        if reason is not None and path not in named:
            found.append((path, reason))
    return found


def _read_all(root: str, paths: Sequence[str]) -> tuple[dict[str, bytes], list[NotAnalysed]]:
    sources: dict[str, bytes] = {}
    unreadable: list[NotAnalysed] = []
    for path in paths:
        content = read_source(root, path)
        if isinstance(content, str):
            unreadable.append(NotAnalysed(path, content))
        else:
            sources[path] = content
    return sources, unreadable


def _from_cache(
    cache: Cache, keys: dict[str, str], fingerprint: bool
) -> tuple[dict[str, FileMetrics], dict[str, Fingerprints | str]]:
    wanted = set(keys.values())
    if fingerprint:
        wanted.update(_prints_key(key) for key in keys.values())
    cached = cache.get_many(sorted(wanted))
    found: dict[str, FileMetrics] = {}
    prints: dict[str, Fingerprints | str] = {}
    for path, key in keys.items():
        text = cached.get(key)
        if text is not None:
            with contextlib.suppress(ValueError, TypeError, KeyError, IndexError):  # damaged
                found[path] = decode(path, text)
        text = cached.get(_prints_key(key)) if fingerprint else None
        if text is not None:
            with contextlib.suppress(ValueError, TypeError):
                prints[path] = decode_prints(text)
    return found, prints


def _salt() -> str:
    """Cache entries are valid for one codehealth, codec, metrics and Python grammar version."""
    grammar = f"py{sys.version_info[0]}.{sys.version_info[1]}"
    return f"{__version__}/{CODEC_VERSION}/m{METRICS_VERSION}/{grammar}"


def _analyse_item(item: _Item) -> _Outcome:
    path, source, measure, fingerprint = item
    metrics = analyze_source(source, path) if measure else None
    printed = file_fingerprints(source) if fingerprint else None
    return path, metrics, printed


def _analyse_one(item: _Item) -> tuple[str, str | NotAnalysed | None, Fingerprints | str | None]:
    """In a worker: measure one file and return it encoded (strings cross processes cheaply)."""
    path, outcome, printed = _analyse_item(item)
    if isinstance(outcome, FileMetrics):
        return path, encode(outcome), printed
    return path, outcome, printed


def _analyse(todo: list[_Item], jobs: int, progress: Progress | None) -> Iterator[_Outcome]:
    """Measure every file, spreading the work over ``jobs`` processes (0 = one per core)."""
    workers = jobs or os.cpu_count() or 1
    size = sum(len(item[1]) for item in todo)
    if workers < 2 or len(todo) < _POOL_MIN_FILES or size < _POOL_MIN_BYTES:
        outcomes: Iterator[_Outcome] = map(_analyse_item, todo)
    else:
        outcomes = _analyse_in_parallel(todo, workers)
    for done, outcome in enumerate(outcomes, 1):
        yield outcome
        if progress:
            progress(done, len(todo))


def _analyse_in_parallel(todo: list[_Item], workers: int) -> Iterator[_Outcome]:
    """The calling process measures its share while the workers measure theirs; its own
    results need no encoding round trip."""
    mine, theirs = split_share(todo, workers, _size)
    with process_pool(min(workers - 1, len(theirs))) as pool:
        chunk = max(1, len(theirs) // (workers * 16))
        pending = pool.imap_unordered(_analyse_one, theirs, chunk)
        yield from map(_analyse_item, mine)
        for path, outcome, printed in pending:
            if isinstance(outcome, str):
                yield path, decode(path, outcome), printed
            else:
                yield path, outcome, printed


def _size(item: _Item) -> int:
    return len(item[1])
