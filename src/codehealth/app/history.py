"""The history use case: metric totals per commit of the main line, recorded in the store.

Only the blobs a commit changed are measured, each blob once ever (the store keys them by
git's blob id); their bytes come from one ``git cat-file --batch`` process. A later run
continues from the last recorded commit with ``git log LAST..HEAD``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict

from codehealth.app.debt import load_catalogue
from codehealth.app.history_gaps import revisions_read, without_unreadable
from codehealth.app.scan import Measured, Progress, log
from codehealth.catalogue import Catalogue
from codehealth.config import Settings, load_settings
from codehealth.debt import complexity_findings, find_markers, price_rule_hits
from codehealth.history import HistoryRun, PathFilter, Snapshot, TreeTotals
from codehealth.metrics import METRICS_VERSION, analyze_source
from codehealth.model import FileMetrics, NotAnalysed, Revision
from codehealth.sources import (
    BlobReader,
    HistoryStore,
    HistoryUnavailable,
    first_parent_ancestor,
    is_ancestor,
    repository_facts,
    tree_blobs,
)
from codehealth.version import __version__

_FACTS_VERSION = 2  # bump when what a blob's facts hold changes


def run_history(
    root: str = ".",
    *,
    settings: Settings | None = None,
    config_file: str | None = None,
    progress: Progress | None = None,
    limit: int | None = None,
    measured: Measured | None = None,
) -> HistoryRun:
    """Record the commits not yet in the store. ``limit``: when the store is empty, start
    from the tree ``limit`` commits below HEAD (measured as a whole) instead of the root.
    ``measured``: today's files, already measured (the HTML report's run): a blob with the
    same content as one of them is not parsed again."""
    root = os.path.abspath(root)
    if settings is None:
        settings = load_settings(root, config_file)
    facts = repository_facts(root)
    catalogue = load_catalogue(settings)
    store = HistoryStore(os.path.join(root, settings.cache_dir), _salt(settings, catalogue))
    try:
        today = _by_blob(measured) if measured is not None else {}
        return _record(
            root, facts.head, facts.shallow, settings, catalogue, store, progress, limit, today
        )
    finally:
        store.close()


def _record(
    root: str,
    head: str,
    shallow: bool,
    settings: Settings,
    catalogue: Catalogue,
    store: HistoryStore,
    progress: Progress | None,
    limit: int | None = None,
    today: dict[str, _Known] | None = None,
) -> HistoryRun:
    notes: list[str] = list(store.notes)
    if not head:
        raise HistoryUnavailable("the repository has no commits yet: nothing to record")
    last, tree, truncated = store.last()
    if last and last != head and not is_ancestor(root, last, head):
        notes.append(f"HEAD is no longer a descendant of {last[:12]}: history recorded again")
        store.forget_commits()
        last, tree, truncated = "", {}, False
    keep = PathFilter(
        ("*.py",),
        (*settings.history.exclude, *_exclude(settings)),
        hidden=settings.exclude_hidden,
        vendored=settings.exclude_vendored,
    )
    base = first_parent_ancestor(root, limit) if limit and not last else None
    if base:
        last, tree = base, {p: b for p, b in tree_blobs(root, base).items() if keep(p)}
        notes.append(f"started from the tree {limit} commits below HEAD (--limit)")
    revisions = revisions_read(root, f"{last}..HEAD" if last else "HEAD") if last != head else []
    truncated = truncated or (not last and shallow)
    wanted = _blobs(revisions, keep)
    for path, blob in tree.items() if base else ():
        wanted.setdefault(blob, path)
    known = store.blob_facts(sorted(set(wanted) | set(tree.values())))
    todo = [blob for blob in wanted if blob not in known]
    fresh = _measure(root, todo, wanted, settings, catalogue, progress, today or {})
    known.update(fresh)
    fresh, unreadable = without_unreadable(revisions, fresh, (base, tree) if base else ("", {}))
    notes += unreadable
    totals = TreeTotals(tree, known)
    rows = []
    for revision in revisions:
        totals.apply(revision.changes, known, keep)
        snap = totals.snapshot(revision.sha, revision.author, revision.timestamp)
        rows.append((snap.sha, snap.author, snap.timestamp, snap.totals, snap.modules))
    if revisions:
        store.save(fresh.items(), rows, totals.tree, head, truncated)
    _tell_left_out(keep)
    notes += _not_analysed(root, totals.tree, known)
    snapshots = tuple(Snapshot(*row) for row in store.commits())
    cut = len(snapshots) if truncated else 0
    if cut:
        notes.append(
            f"history truncated at {cut} commits (a shallow clone): the first one holds "
            "everything before it; run `git fetch --unshallow` for all of it"
        )
    if not any(s.totals.get("files") for s in snapshots):
        notes.append("no Python files in any recorded commit")
    notes += [note for note in store.notes if note not in notes]  # e.g. a store kept in memory
    reused = len(set(wanted)) - len(todo)
    return HistoryRun(snapshots, len(revisions), len(todo), reused, cut, tuple(notes))


def _tell_left_out(keep: PathFilter) -> None:
    """--verbose: the hidden and vendored folders of the history that were left out."""
    for folder, reason in sorted(keep.left_out.items()):
        log.info("skipped %s: %s", folder, reason)


def _not_analysed(root: str, tree: dict[str, str], known: dict[str, dict[str, float]]) -> list[str]:
    """A note naming each file of HEAD's tree that was not analysed, with the reason (the
    store keeps only the count: the few such blobs are read and parsed again)."""
    bad = {
        blob: path for path, blob in sorted(tree.items()) if known.get(blob, {}).get("not_analysed")
    }
    if not bad:
        return []
    reasons: dict[str, str] = {}
    with BlobReader(root) as reader:
        for blob, content in reader.read_many(list(bad)):
            measured = analyze_source(content, bad[blob]) if content is not None else None
            reasons[blob] = (
                measured.reason if isinstance(measured, NotAnalysed) else "cannot be read from git"
            )
    return [
        f"not analysed: {path}: {reasons.get(blob, 'cannot be read from git')}"
        for path, blob in sorted(tree.items())
        if blob in bad
    ]


def _exclude(settings: Settings) -> tuple[str, ...]:
    return settings.exclude + (("migrations",) if settings.exclude_migrations else ())


def _blobs(revisions: Iterable[Revision], keep: PathFilter) -> dict[str, str]:
    """Blob -> a path it had (for messages), in the order the commits bring them."""
    wanted: dict[str, str] = {}
    for revision in revisions:
        for change in revision.changes:
            if change.blob and change.blob not in wanted and keep(change.path):
                wanted[change.blob] = change.path
    return wanted


_POOL_MIN_BLOBS = 64  # below this a process pool costs more than it saves


def _measure(
    root: str,
    todo: list[str],
    paths: dict[str, str],
    settings: Settings,
    catalogue: Catalogue,
    progress: Progress | None,
    today: dict[str, _Known],
) -> dict[str, dict[str, float]]:
    fresh: dict[str, dict[str, float]] = {}
    if not todo:
        return fresh
    families = {rule.id: rule.family for rule in catalogue.rules}
    for blob in todo:
        if blob in today:
            path, content, metrics = today[blob]
            fresh[blob] = measured_facts(metrics, content, path, settings, catalogue, families)
    todo = [blob for blob in todo if blob not in fresh]
    workers = settings.jobs or os.cpu_count() or 1
    with BlobReader(root) as reader:
        blobs = ((blob, paths[blob], content) for blob, content in reader.read_many(todo))
        if workers > 1 and len(todo) >= _POOL_MIN_BLOBS:
            outcomes = _in_parallel(blobs, workers, (settings, catalogue, families))
        else:
            outcomes = (
                (blob, blob_facts(content, path, settings, catalogue, families))
                for blob, path, content in blobs
            )
        for done, (blob, facts) in enumerate(outcomes, 1):
            fresh[blob] = facts
            if progress:
                progress(done, len(todo))
    return fresh


_CONTEXT: tuple[Settings, Catalogue, dict[str, str]] | None = None


def _measure_one(item: tuple[str, str, bytes | None]) -> tuple[str, dict[str, float]]:
    """In a worker: the facts of one blob (settings come from the forked parent)."""
    assert _CONTEXT is not None
    blob, path, content = item
    return blob, blob_facts(content, path, *_CONTEXT)


def _in_parallel(
    blobs: Iterable[tuple[str, str, bytes | None]],
    workers: int,
    context: tuple[Settings, Catalogue, dict[str, str]],
) -> Iterator[tuple[str, dict[str, float]]]:
    import multiprocessing

    global _CONTEXT
    _CONTEXT = context
    methods = multiprocessing.get_all_start_methods()
    pool_context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with pool_context.Pool(workers, initializer=_set_context, initargs=(context,)) as pool:
        yield from pool.imap_unordered(_measure_one, blobs, chunksize=8)


def _set_context(context: tuple[Settings, Catalogue, dict[str, str]]) -> None:
    global _CONTEXT
    _CONTEXT = context


def blob_facts(
    content: bytes | None,
    path: str,
    settings: Settings,
    catalogue: Catalogue,
    families: dict[str, str],
) -> dict[str, float]:
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
) -> dict[str, float]:
    """``blob_facts`` of a blob already measured."""
    findings = complexity_findings([measured], settings.thresholds, catalogue)
    findings += price_rule_hits(path, find_markers(content), catalogue)
    facts: dict[str, float] = {
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


_Known = tuple[str, bytes, FileMetrics]  # path, content, metrics


def _by_blob(measured: Measured) -> dict[str, _Known]:
    """Today's measured files by git blob id (the SHA-1 git gives the same content)."""
    known: dict[str, _Known] = {}
    for path, metrics in measured.files.items():
        content = measured.sources.get(path)
        if content is not None:
            blob = hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()
            known[blob] = (path, content, metrics)
    return known


def _salt(settings: Settings, catalogue: Catalogue) -> str:
    """Blob facts depend on codehealth, Python's grammar, thresholds, costs and filters."""
    described = json.dumps(
        [
            asdict(settings.thresholds),
            [asdict(rule) for rule in catalogue.rules],
            settings.history.exclude,
            _exclude(settings),
            [settings.exclude_hidden, settings.exclude_vendored],
        ],
        sort_keys=True,
        default=str,
    )
    digest = hashlib.blake2b(described.encode(), digest_size=8).hexdigest()
    python = f"py{sys.version_info[0]}.{sys.version_info[1]}"
    return f"{__version__}/{_FACTS_VERSION}/m{METRICS_VERSION}/{python}/{digest}"
