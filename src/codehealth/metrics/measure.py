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

from codehealth.adapters.cache import CODEC_VERSION, Cache, decode, encode
from codehealth.adapters.files import Discovery, discover, read_source
from codehealth.adapters.pool import process_pool, split_share
from codehealth.core import (
    HEAD_BYTES,
    CodeShape,
    FileMetrics,
    NotAnalysed,
    Settings,
    generated_marker,
)
from codehealth.metrics.analyze import METRICS_VERSION, analyze_module, analyze_source
from codehealth.metrics.coverable import code_shape
from codehealth.metrics.coverage_step import coverage_wanted
from codehealth.version import __version__

Progress = Callable[[int, int], None]
# What discovery left out (hidden and vendored folders, generated files): `--verbose` shows it.
log = logging.getLogger("codehealth")

# Below this much work a process pool costs more than it saves.
_POOL_MIN_FILES = 8
_POOL_MIN_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class Measured:
    """Every discovered file measured (from the cache where possible), with its bytes."""

    discovered: tuple[str, ...]
    files: dict[str, FileMetrics]
    sources: dict[str, bytes]
    not_analysed: list[NotAnalysed]
    notes: list[str]
    left_out: tuple[tuple[str, str], ...] = ()  # (folder/ or file, why), not analysed
    # what coverage.py counts in each file analysed afresh (with ``shapes=True``), from the
    # same parse: joining coverage data then parses only the files taken from the cache
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
    linters there, so they run while the files are measured). When the project has
    coverage data, each file analysed afresh also gets its coverage shape, from the same
    parse (``Measured.shapes``)."""
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
    shapes: dict[str, CodeShape] = {}
    how = (settings.jobs, progress, coverage_wanted(root, settings))
    analysed = _analysed(sources, cache, not_analysed, how, shapes)
    if cache is not None:
        cache.close()
        notes.extend(cache.notes)
    return Measured(discovered, analysed, sources, not_analysed, notes, left_out, shapes)


def _analysed(
    sources: dict[str, bytes],
    cache: Cache | None,
    not_analysed: list[NotAnalysed],
    how: tuple[int, Progress | None, bool],
    shapes: dict[str, CodeShape],
) -> dict[str, FileMetrics]:
    """Every file's metrics, from the cache where it has them; the fresh ones go into the
    cache, the files that cannot be analysed into ``not_analysed``; ``how``: (jobs,
    progress, with shapes): ``shapes`` then receives the shape of every fresh file."""
    keys = {
        path: hashlib.blake2b(content, digest_size=16).hexdigest()
        for path, content in sources.items()
    }
    analysed = _from_cache(cache, keys) if cache is not None else {}
    jobs, progress, with_shapes = how
    todo = [(path, sources[path], with_shapes) for path in sources if path not in analysed]
    fresh: list[tuple[str, str]] = []
    for path, outcome, shape in _analyse(todo, jobs, progress):
        if isinstance(outcome, NotAnalysed):
            not_analysed.append(outcome)
            continue
        analysed[path] = outcome
        if shape is not None:
            shapes[path] = shape
        if cache is not None:
            fresh.append((keys[path], encode(outcome)))
    if cache is not None:
        cache.put_many(fresh)
    return analysed


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


def _from_cache(cache: Cache, keys: dict[str, str]) -> dict[str, FileMetrics]:
    cached = cache.get_many(sorted(set(keys.values())))
    found: dict[str, FileMetrics] = {}
    for path, key in keys.items():
        text = cached.get(key)
        if text is not None:
            with contextlib.suppress(ValueError, TypeError, KeyError, IndexError):  # damaged
                found[path] = decode(path, text)
    return found


def _salt() -> str:
    """Cache entries are valid for one codehealth, codec, metrics and Python grammar version."""
    grammar = f"py{sys.version_info[0]}.{sys.version_info[1]}"
    return f"{__version__}/{CODEC_VERSION}/m{METRICS_VERSION}/{grammar}"


_Item = tuple[str, bytes, bool]  # path, source, with its coverage shape
_Outcome = tuple[str, FileMetrics | NotAnalysed, CodeShape | None]


def _measure_one(item: _Item) -> _Outcome:
    """One file's metrics and, when asked, its coverage shape from the same tree."""
    path, source, with_shape = item
    if not with_shape:
        return path, analyze_source(source, path), None
    outcome, tree = analyze_module(source, path)
    if tree is None:
        return path, outcome, None
    return path, outcome, code_shape(tree, source.decode("utf-8", errors="replace"))


def _analyse_one(item: _Item) -> tuple[str, str | NotAnalysed, CodeShape | None]:
    """In a worker: measure one file and return it encoded (strings cross processes cheaply)."""
    path, outcome, shape = _measure_one(item)
    if isinstance(outcome, NotAnalysed):
        return path, outcome, None
    return path, encode(outcome), shape


def _analyse(todo: list[_Item], jobs: int, progress: Progress | None) -> Iterator[_Outcome]:
    """Measure every file, spreading the work over ``jobs`` processes (0 = one per core)."""
    workers = jobs or os.cpu_count() or 1
    size = sum(len(item[1]) for item in todo)
    if workers < 2 or len(todo) < _POOL_MIN_FILES or size < _POOL_MIN_BYTES:
        outcomes: Iterator[_Outcome] = map(_measure_one, todo)
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
        yield from map(_measure_one, mine)
        for path, outcome, shape in pending:
            metrics = outcome if isinstance(outcome, NotAnalysed) else decode(path, outcome)
            yield path, metrics, shape


def _size(item: _Item) -> int:
    return len(item[1])
