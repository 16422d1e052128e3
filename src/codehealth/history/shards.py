"""History built by many jobs at once (``codehealth history --shard I/N``).

Each job measures its share of the blobs not yet in the store, chosen by the blob's id, so
no two jobs measure one blob; measured blobs go to the store in batches, so a killed job
loses at most one batch and a job run again measures only what is still missing. The job
that finds every blob measured records the commits (the store writes them once).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from codehealth.core import ConfigError
from codehealth.history.blobs import BlobJob, Facts, measure_blobs

_BATCH = 500  # blobs measured between two writes to the store
_SPEC = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


class BlobStore(Protocol):
    def blob_facts(self, shas: Sequence[str]) -> dict[str, dict[str, float]]: ...

    def save_blobs(self, blobs: Sequence[tuple[str, dict[str, Any]]]) -> None: ...


FactsByBlob = dict[str, dict[str, float]]  # blob -> its facts


@dataclass(frozen=True)
class Shard:
    """Job ``index`` (1-based) of ``count``."""

    index: int = 1
    count: int = 1

    def share(self, blobs: Sequence[str]) -> list[str]:
        """The blobs this job measures: git's ids are uniform, so the shares are even."""
        if self.count == 1:
            return list(blobs)
        return [blob for blob in blobs if int(blob[:8], 16) % self.count == self.index - 1]

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


ONE_JOB = Shard()


def parse_shard(text: str) -> Shard:
    """``"2/4"`` -> Shard(2, 4); ConfigError naming the fix for ``3/2``, ``0/4`` or ``x``."""
    match = _SPEC.fullmatch(text)
    if not match:
        raise ConfigError(f"--shard {text!r}: expected I/N, e.g. 2/4 (job 2 of 4)")
    index, count = int(match[1]), int(match[2])
    if count < 1 or not 1 <= index <= count:
        raise ConfigError(
            f"--shard {text}: I counts from 1 to N (the number of jobs), e.g. 1/{max(count, 1)}"
            f" to {max(count, 1)}/{max(count, 1)}"
        )
    return Shard(index, count)


def measure_share(
    job: BlobJob, store: BlobStore, shard: Shard, wanted: dict[str, str], tree: dict[str, str]
) -> tuple[FactsByBlob, FactsByBlob, tuple[int, int, int]]:
    """The facts of every blob needed (``wanted`` and the start ``tree``), those this job
    measured, and how many it measured, were to measure, and are still missing (the other
    shards' not in the store yet)."""
    known = store.blob_facts(sorted(set(wanted) | set(tree.values())))
    todo = [blob for blob in wanted if blob not in known]
    mine = shard.share(todo)
    fresh = measure_and_share(job, mine, wanted, store)
    known.update(fresh)
    if len(mine) < len(todo):  # the other shards' blobs: measured by now?
        known.update(store.blob_facts([blob for blob in todo if blob not in known]))
    missing = sum(blob not in known for blob in todo)
    return known, fresh, (len(mine), len(todo), missing)


def measure_and_share(
    job: BlobJob, todo: list[str], paths: dict[str, str], store: BlobStore
) -> dict[str, Facts]:
    """The facts of ``todo``, written to the store every batch (a blob git could not read
    is kept out: another clone may have it)."""
    fresh: dict[str, Facts] = {}
    for start in range(0, len(todo), _BATCH):
        batch = todo[start : start + _BATCH]
        measured = measure_blobs(_offset(job, start, len(todo)), batch, paths)
        store.save_blobs([(b, f) for b, f in measured.items() if not f.get("unreadable")])
        fresh.update(measured)
    return fresh


def _offset(job: BlobJob, done: int, total: int) -> BlobJob:
    """``job`` whose progress counts the batches before this one."""
    progress = job.progress
    if progress is None:
        return job
    return replace(job, progress=lambda n, _: progress(done + n, total))


def waiting_note(shard: Shard, measured: int, missing: int, commits: int) -> str:
    """What a job that cannot record the commits yet tells."""
    return (
        f"shard {shard}: measured {measured} blobs; {missing} more are the other shards' "
        f"and not in the store yet: the last shard to finish records the {commits} commits "
        "(a `codehealth history` after the jobs records whatever remains)"
    )
