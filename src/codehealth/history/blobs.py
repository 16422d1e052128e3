"""The facts of the blobs a history run measures: each blob's complexity, size and debt.

Blobs come from one ``git cat-file --batch`` process; many of them are measured in a process
pool, and a blob with the content of a file today's scan already measured is not parsed again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from codehealth.adapters.git import BlobReader, blob_id
from codehealth.adapters.pool import process_pool
from codehealth.core import Catalogue, FileMetrics, NotAnalysed, Settings, price_rule_hits
from codehealth.findings import complexity_findings, find_markers
from codehealth.metrics import Measured, Progress, analyze_source

Known = tuple[str, bytes, FileMetrics]  # path, content, metrics
Facts = dict[str, float]
_Context = tuple[Settings, Catalogue, dict[str, str]]  # settings, catalogue, rule families

_POOL_MIN_BLOBS = 64  # below this a process pool costs more than it saves


@dataclass(frozen=True)
class BlobJob:
    """How the blobs of one history run are measured: the repository they are read from,
    the settings and catalogue that price them, and today's files already measured."""

    root: str
    settings: Settings
    catalogue: Catalogue
    progress: Progress | None = None
    today: dict[str, Known] = field(default_factory=dict)


def measure_blobs(job: BlobJob, todo: list[str], paths: dict[str, str]) -> dict[str, Facts]:
    """The facts of each blob of ``todo`` (``paths``: a path each had, for messages)."""
    if not todo:
        return {}
    families = {rule.id: rule.family for rule in job.catalogue.rules}
    context: _Context = (job.settings, job.catalogue, families)
    fresh = _reuse_today(todo, job.today, context)
    todo = [blob for blob in todo if blob not in fresh]
    fresh.update(_read_and_measure(job, todo, paths, context))
    return fresh


def _reuse_today(todo: list[str], today: dict[str, Known], context: _Context) -> dict[str, Facts]:
    """The facts of the blobs with the content of a file today's scan already measured."""
    fresh: dict[str, Facts] = {}
    for blob in todo:
        if blob in today:
            path, content, metrics = today[blob]
            fresh[blob] = measured_facts(metrics, content, path, *context)
    return fresh


def _read_and_measure(
    job: BlobJob, todo: list[str], paths: dict[str, str], context: _Context
) -> dict[str, Facts]:
    """Read the blobs of ``todo`` from git and measure them, telling ``job.progress``."""
    fresh: dict[str, Facts] = {}
    workers = job.settings.jobs or os.cpu_count() or 1
    with BlobReader(job.root) as reader:
        blobs = ((blob, paths[blob], content) for blob, content in reader.read_many(todo))
        if workers > 1 and len(todo) >= _POOL_MIN_BLOBS:
            outcomes = _in_parallel(blobs, workers, context)
        else:
            outcomes = (
                (blob, blob_facts(content, path, *context)) for blob, path, content in blobs
            )
        for done, (blob, facts) in enumerate(outcomes, 1):
            fresh[blob] = facts
            if job.progress:
                job.progress(done, len(todo))
    return fresh


_CONTEXT: _Context | None = None


def _measure_one(item: tuple[str, str, bytes | None]) -> tuple[str, Facts]:
    """In a worker: the facts of one blob (settings come from the forked parent)."""
    assert _CONTEXT is not None
    blob, path, content = item
    return blob, blob_facts(content, path, *_CONTEXT)


def _in_parallel(
    blobs: Iterable[tuple[str, str, bytes | None]],
    workers: int,
    context: _Context,
) -> Iterator[tuple[str, Facts]]:
    global _CONTEXT
    _CONTEXT = context
    with process_pool(workers, _set_context, (context,)) as pool:
        yield from pool.imap_unordered(_measure_one, blobs, chunksize=8)


def _set_context(context: _Context) -> None:
    global _CONTEXT
    _CONTEXT = context


def blob_facts(
    content: bytes | None,
    path: str,
    settings: Settings,
    catalogue: Catalogue,
    families: dict[str, str],
) -> Facts:
    """The totals one blob adds to a tree: complexity, size and debt (complexity and marker
    findings; lint needs the whole project's configuration and is not replayed)."""
    if content is None:
        return {"not_analysed": 1, "unreadable": 1}
    measured = analyze_source(content, path)
    if isinstance(measured, NotAnalysed):
        return {"not_analysed": 1}
    return measured_facts(measured, content, path, settings, catalogue, families)


def measured_facts(
    measured: FileMetrics,
    content: bytes,
    path: str,
    settings: Settings,
    catalogue: Catalogue,
    families: dict[str, str],
) -> Facts:
    """``blob_facts`` of a blob already measured."""
    findings = complexity_findings([measured], settings.thresholds, catalogue)
    findings += price_rule_hits(path, find_markers(content), catalogue)
    facts: Facts = {
        "functions": len(measured.functions),
        "lines": measured.lines.source,
        "cyclomatic": measured.cyclomatic,
        "cognitive": measured.cognitive,
        "debt_minutes": round(sum(f.remediation_minutes for f in findings), 2),
        "findings": len(findings),
    }
    for finding in findings:
        key = f"findings.{families.get(finding.rule, 'other')}"
        facts[key] = facts.get(key, 0) + 1
    return facts


def by_blob(measured: Measured) -> dict[str, Known]:
    """Today's measured files by git blob id (the SHA-1 git gives the same content)."""
    known: dict[str, Known] = {}
    for path, metrics in measured.files.items():
        content = measured.sources.get(path)
        if content is not None:
            known[blob_id(content)] = (path, content, metrics)
    return known
