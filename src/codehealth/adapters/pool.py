"""Work spread over the machine's cores: the one user of ``multiprocessing``.

A pool is forked where the platform can fork (the workers inherit the parent's settings and
imports instead of importing them again), and the calling process takes a share of the work
itself (``split_share``) instead of waiting idle, so N cores need only N-1 workers.
``multiprocessing`` is imported when a pool starts: a small change never pays for it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

T = TypeVar("T")


def cores() -> int:
    """The cores this process may run on (its affinity, where the platform tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@contextlib.contextmanager
def process_pool(
    workers: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[Pool]:
    """A pool of ``workers`` processes, forked where possible, closed on the way out."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(workers, initializer, initargs) as pool:
        yield pool


def split_share(
    items: Sequence[T], workers: int, weight: Callable[[T], int]
) -> tuple[list[T], list[T]]:
    """The caller's share and the workers' (each largest first), by ``weight``.

    The caller also receives the workers' results, so it takes a little less than 1/N.
    """
    ordered = sorted(items, key=weight, reverse=True)
    own_share = 0.85 / workers
    own_weight = other_weight = 0.0
    mine: list[T] = []
    theirs: list[T] = []
    for item in ordered:
        if own_weight / own_share <= other_weight / (1 - own_share):
            mine.append(item)
            own_weight += weight(item)
        else:
            theirs.append(item)
            other_weight += weight(item)
    return mine, theirs


R = TypeVar("R")

# Below this much work a process pool costs more than it saves.
POOL_MIN_ITEMS = 8


def spread_map(
    function: Callable[[T], R], items: Sequence[T], weight: Callable[[T], int], workers: int
) -> Iterator[R]:
    """``function`` of every item (in no particular order) over ``workers`` processes, the
    caller taking its share; in this process alone for one worker or a few items.
    ``function`` must be a module-level function (it is sent to the workers by name)."""
    if workers < 2 or len(items) < POOL_MIN_ITEMS:
        yield from map(function, items)
        return
    mine, theirs = split_share(items, workers, weight)
    with process_pool(min(workers - 1, len(theirs))) as pool:
        chunk = max(1, len(theirs) // (workers * 16))
        pending = pool.imap_unordered(function, theirs, chunk)
        yield from map(function, mine)
        yield from pending
