"""The scan use case: discover -> read -> cache -> analyse (in parallel) -> sum up."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace

from codehealth.version import __version__
from codehealth.config import Settings, load_settings
from codehealth.metrics import (
    analyze_source,
    check_thresholds,
    package_names,
    summarise_packages,
)
from codehealth.model import (
    FileMetrics,
    NotAnalysed,
    ScanResult,
)
from codehealth.sources import CODEC_VERSION, Cache, decode, discover, encode, read_source

Progress = Callable[[int, int], None]

# Below this much work a process pool costs more than it saves.
_POOL_MIN_FILES = 8
_POOL_MIN_BYTES = 256 * 1024


def run_scan(
    paths: Sequence[str] = (),
    root: str = ".",
    use_cache: bool = True,
    settings: Settings | None = None,
    config_file: str | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> ScanResult:
    root = os.path.abspath(root)
    if settings is None:
        settings = load_settings(root, config_file)
    if jobs is not None:
        settings = replace(settings, jobs=jobs)
    exclude = settings.exclude + (("migrations",) if settings.exclude_migrations else ())
    discovery = discover(root, paths, exclude)
    notes = [f"skipped {path}: {reason}" for path, reason in discovery.skipped]

    not_analysed: list[NotAnalysed] = []
    sources: dict[str, bytes] = {}
    keys: dict[str, str] = {}
    for path in discovery.files:
        content = read_source(root, path)
        if isinstance(content, str):
            not_analysed.append(NotAnalysed(path, content))
            continue
        sources[path] = content
        keys[path] = hashlib.blake2b(content, digest_size=16).hexdigest()

    cache = Cache(os.path.join(root, settings.cache_dir), _salt()) if use_cache else None
    analysed: dict[str, FileMetrics] = {}
    if cache is not None:
        cached = cache.get_many(sorted(set(keys.values())))
        for path, key in keys.items():
            text = cached.get(key)
            if text is not None:
                with contextlib.suppress(ValueError, TypeError):  # damaged: analyse again
                    analysed[path] = decode(path, text)

    todo = [(path, sources[path]) for path in sources if path not in analysed]
    fresh: list[tuple[str, str]] = []
    for path, outcome in _analyse(todo, settings.jobs, progress):
        if isinstance(outcome, NotAnalysed):
            not_analysed.append(outcome)
        else:
            analysed[path] = decode(path, outcome)
            fresh.append((keys[path], outcome))
    if cache is not None:
        cache.put_many(fresh)
        cache.close()
        notes.extend(cache.notes)

    files = tuple(analysed[path] for path in sorted(analysed))
    packages = summarise_packages(files, package_names(discovery.files, settings.roots))
    return ScanResult(
        root=root,
        files=files,
        packages=packages,
        not_analysed=tuple(sorted(not_analysed, key=lambda item: item.path)),
        violations=check_thresholds(files, settings.thresholds),
        thresholds=settings.thresholds,
        notes=tuple(notes),
    )


def _salt() -> str:
    """Cache entries are valid for one codehealth, codec and Python grammar version."""
    return f"{__version__}/{CODEC_VERSION}/py{sys.version_info[0]}.{sys.version_info[1]}"


def _analyse_one(item: tuple[str, bytes]) -> tuple[str, str | NotAnalysed]:
    path, source = item
    outcome = analyze_source(source, path)
    if isinstance(outcome, NotAnalysed):
        return path, outcome
    return path, encode(outcome)


def _analyse(
    todo: list[tuple[str, bytes]], jobs: int, progress: Progress | None
) -> list[tuple[str, str | NotAnalysed]]:
    total = len(todo)
    workers = jobs or os.cpu_count() or 1
    size = sum(len(source) for _, source in todo)
    if workers < 2 or total < _POOL_MIN_FILES or size < _POOL_MIN_BYTES:
        results = []
        for done, item in enumerate(todo, 1):
            results.append(_analyse_one(item))
            if progress:
                progress(done, total)
        return results

    import multiprocessing

    # Largest files first, so no worker is left with a big one at the end.
    todo.sort(key=lambda item: len(item[1]), reverse=True)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    results = []
    with context.Pool(min(workers, total)) as pool:
        chunk = max(1, total // (workers * 24))
        for done, result in enumerate(pool.imap_unordered(_analyse_one, todo, chunk), 1):
            results.append(result)
            if progress:
                progress(done, total)
    return results
