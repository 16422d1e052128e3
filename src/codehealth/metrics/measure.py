"""Measuring a project: discover -> read -> cache -> analyse (in parallel), for every command
that needs each file's metrics."""

from __future__ import annotations

import contextlib
import hashlib
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
from codehealth.adapters.files import discover
from codehealth.adapters.pool import process_pool, split_share
from codehealth.core import (
    CodeShape,
    Duplication,
    FileMetrics,
    Fingerprints,
    NotAnalysed,
    Settings,
)
from codehealth.duplication import FINGERPRINT_VERSION, KGRAM, WINDOW, file_fingerprints
from codehealth.metrics.analyze import METRICS_VERSION, analyze_module
from codehealth.metrics.copies import CopiesCache
from codehealth.metrics.coverage_step import coverage_expected
from codehealth.metrics.reading import leave_generated, read_all
from codehealth.metrics.shapes import default_shape
from codehealth.version import __version__

Progress = Callable[[int, int], None]
# Below this much work a process pool costs more than it saves.
_POOL_MIN_FILES = 8
_POOL_MIN_BYTES = 256 * 1024

_Item = tuple[str, bytes, bool, bool, bool]  # path, content, measure, fingerprint, shape it
_Outcome = tuple[str, FileMetrics | NotAnalysed | None, Fingerprints | str | None, CodeShape | None]


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
    # what coverage.py counts in each freshly measured file, from the same parse, when the
    # project has coverage data (its join then parses nothing again)
    shapes: dict[str, CodeShape] = field(default_factory=dict)


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
    sources, not_analysed = read_all(root, discovery.files)
    discovered, left_out = leave_generated(discovery, sources, settings)
    if on_read is not None:
        on_read(sources)
    cache = Cache(os.path.join(root, settings.cache_dir), _salt()) if use_cache else None
    keys = {
        path: hashlib.blake2b(data, digest_size=16).hexdigest() for path, data in sources.items()
    }
    copies = CopiesCache(cache, keys, settings.duplication)
    known = copies.known() if settings.duplication.enabled else Duplication()
    wanted = _Wanted(known is None, coverage_expected(root, settings))
    results = _analysed(sources, keys, cache, settings.jobs, progress, wanted)
    analysed, prints = results.analysed, results.prints
    not_analysed += results.not_analysed
    duplication = copies.computed(prints, analysed) if known is None else known
    if cache is not None:
        cache.close()
        notes.extend(cache.notes)
    return Measured(
        discovered,
        analysed,
        sources,
        not_analysed,
        notes,
        left_out,
        prints,
        duplication,
        results.shapes,
    )


@dataclass(frozen=True, slots=True)
class _Wanted:
    """Besides the metrics: each file's fingerprints (the duplication is not cached) and its
    coverage shape (the project has coverage data)."""

    prints: bool
    shapes: bool


@dataclass
class _Results:
    """What the pass found, file by file (filled as the outcomes come in)."""

    analysed: dict[str, FileMetrics]
    prints: dict[str, Fingerprints | str]
    shapes: dict[str, CodeShape] = field(default_factory=dict)
    not_analysed: list[NotAnalysed] = field(default_factory=list)

    def keep(self, outcome: _Outcome, key: str) -> list[tuple[str, str]]:
        """File one file's fresh results; the cache entries to write for them."""
        path, metrics, printed, shape = outcome
        fresh = []
        if printed is not None:
            self.prints[path] = printed
            fresh.append((_prints_key(key), encode_prints(printed)))
        if shape is not None:
            self.shapes[path] = shape
        if isinstance(metrics, NotAnalysed):
            self.not_analysed.append(metrics)
            self.prints.pop(path, None)
        elif metrics is not None:
            self.analysed[path] = metrics
            fresh.append((key, encode(metrics)))
        return fresh


def _analysed(
    sources: dict[str, bytes],
    keys: dict[str, str],
    cache: Cache | None,
    jobs: int,
    progress: Progress | None,
    wanted: _Wanted,
) -> _Results:
    """Every file's metrics (and fingerprints, and shape), from the cache where it has them,
    and the files that cannot be analysed; the fresh results go into the cache."""
    cached = _from_cache(cache, keys, wanted.prints) if cache is not None else ({}, {})
    results = _Results(*cached)
    fresh: list[tuple[str, str]] = []
    for outcome in _analyse(_todo(sources, results, wanted), jobs, progress):
        fresh += results.keep(outcome, keys[outcome[0]])
    if cache is not None:
        cache.put_many(fresh)
    return results


def _todo(sources: dict[str, bytes], cached: _Results, wanted: _Wanted) -> list[_Item]:
    """The files to analyse: those the cache has no metrics for (measured, and shaped when
    wanted) or no fingerprints when they are wanted."""
    items: list[_Item] = []
    for path, content in sources.items():
        measure = path not in cached.analysed
        fingerprint = wanted.prints and path not in cached.prints
        if measure or fingerprint:
            items.append((path, content, measure, fingerprint, measure and wanted.shapes))
    return items


def _prints_key(key: str) -> str:
    """The cache key of a content's fingerprints: beside its metrics, with its own version."""
    return f"dup{FINGERPRINT_VERSION}.{KGRAM}.{WINDOW}:{key}"


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
    path, source, measure, fingerprint, shaped = item
    metrics: FileMetrics | NotAnalysed | None = None
    shape = None
    if measure:
        metrics, tree = analyze_module(source, path)
        shape = default_shape(tree, source) if shaped and tree is not None else None
    printed = file_fingerprints(source) if fingerprint else None
    return path, metrics, printed, shape


def _analyse_one(
    item: _Item,
) -> tuple[str, str | NotAnalysed | None, Fingerprints | str | None, CodeShape | None]:
    """In a worker: measure one file and return it encoded (strings cross processes cheaply)."""
    path, outcome, printed, shape = _analyse_item(item)
    if isinstance(outcome, FileMetrics):
        return path, encode(outcome), printed, shape
    return path, outcome, printed, shape


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
        for path, outcome, printed, shape in pending:
            if isinstance(outcome, str):
                yield path, decode(path, outcome), printed, shape
            else:
                yield path, outcome, printed, shape


def _size(item: _Item) -> int:
    return len(item[1])
