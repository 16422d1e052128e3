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
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING

from codehealth.adapters.files import load_catalogue, load_settings
from codehealth.adapters.git import (
    HistoryUnavailable,
    RepoFacts,
    first_commit,
    first_parent_ancestor,
    is_ancestor,
    repository_facts,
    tree_blobs,
)
from codehealth.adapters.history_db import HistoryStore, Recorded

if TYPE_CHECKING:  # psycopg is imported only when a shared store is used
    from codehealth.adapters.store import PostgresHistoryStore

    Store = HistoryStore | PostgresHistoryStore
from codehealth.core import Catalogue, ConfigError, Revision, Settings
from codehealth.core.store_url import is_postgres_url, masked, repository_name
from codehealth.history.blobs import BlobJob, by_blob
from codehealth.history.boundary_step import record_boundaries
from codehealth.history.gaps import not_analysed_notes, revisions_read, without_unreadable
from codehealth.history.select import PathFilter
from codehealth.history.shards import ONE_JOB, Shard, measure_share, waiting_note
from codehealth.history.trend import CommitTotals, HistoryRun, TreeTotals
from codehealth.metrics import METRICS_VERSION, Measured, Progress, log
from codehealth.version import __version__

_FACTS_VERSION = 2  # bump when what a blob's facts hold changes


def run_history(
    root: str = ".",
    *,
    settings: Settings | None = None,
    progress: Progress | None = None,
    limit: int | None = None,
    measured: Measured | None = None,
    shard: Shard = ONE_JOB,
) -> HistoryRun:
    """Record the commits not yet in the store. ``limit``: when the store is empty, start
    from the tree ``limit`` commits below HEAD (measured as a whole) instead of the root.
    ``measured``: today's files, already measured (the HTML report's run): a blob with the
    same content as one of them is not parsed again. ``settings.history.store``: a shared
    PostgreSQL store (``postgresql://...``) instead of ``.codehealth/history.sqlite``.
    ``shard``: this job's share of the blobs, when many jobs record at once. A shared store
    also keeps the boundary summary of HEAD (unless ``settings.history.boundaries`` is off)."""
    root = os.path.abspath(root)
    if settings is None:
        settings = load_settings(root)
    facts = repository_facts(root)
    catalogue = load_catalogue(settings)
    origin = first_commit(root) if settings.history.store else ""
    store = _store(root, settings, _salt(settings, catalogue), (facts, origin))
    try:
        today = by_blob(measured) if measured is not None else {}
        job = BlobJob(root, settings, catalogue, progress, today)
        run = _record(job, _Tip(facts.head, facts.shallow, limit, origin), store, shard)
        at_head = bool(run.snapshots) and run.snapshots[-1].sha == facts.head
        # only a shared store keeps it: the portfolio, its one reader, reads PostgreSQL
        if settings.history.boundaries and at_head and not isinstance(store, HistoryStore):
            run = replace(run, notes=(*run.notes, *record_boundaries(settings, store, facts.head)))
        return run
    finally:
        store.close()


def _store(root: str, settings: Settings, salt: str, facts: tuple[RepoFacts, str]) -> Store:
    """The SQLite store under the cache folder, or the shared one the settings name (this
    repository by its configured name or its remote's; ``facts``: the repository's and its
    first commit); ConfigError, its password masked, when unusable."""
    url = settings.history.store
    if not url:
        return HistoryStore(os.path.join(root, settings.cache_dir), salt)
    if not is_postgres_url(url):
        raise ConfigError(f"--store {masked(url)}: expected a postgresql:// URL")
    from codehealth.adapters.store import PostgresHistoryStore

    repo, origin = facts
    name = settings.history.name or repository_name(repo.remote, repo.toplevel)
    return PostgresHistoryStore(url, name, salt, origin)  # StoreError is a ConfigError


@dataclass(frozen=True)
class _Tip:
    """The commit recorded up to and how much of the history below it there is to read."""

    head: str
    shallow: bool
    limit: int | None = None
    origin: str = ""  # the main line's first commit ("" when unknown)


@dataclass(frozen=True)
class _Start:
    """Where recording resumes: the last recorded commit (or the ``--limit`` base) and its
    tree of path -> blob; ``base`` is set when that tree is measured whole."""

    last: str
    tree: dict[str, str]
    truncated: bool
    base: str | None

    @property
    def stored(self) -> str:
        """The last commit the store holds ("" when it starts at the --limit base)."""
        return "" if self.base else self.last

    @property
    def whole_tree(self) -> tuple[str, dict[str, str]]:
        """The commit whose tree is measured whole, and that tree (--limit)."""
        return (self.base, self.tree) if self.base else ("", {})


def _record(job: BlobJob, tip: _Tip, store: Store, shard: Shard) -> HistoryRun:
    """Measure the blobs the new commits bring (this shard's share), save each commit's
    totals, and return every recorded snapshot with what the reader should know."""
    notes: list[str] = list(store.notes)
    if not tip.head:
        raise HistoryUnavailable("the repository has no commits yet: nothing to record")
    keep = _path_filter(job.settings)
    start = _start(job.root, tip, store, keep, notes)
    revisions = _revisions_after(job.root, start.last, tip.head)
    wanted = _blobs(revisions, keep)
    if start.base:  # the --limit tree is measured whole
        wanted.update({blob: path for path, blob in start.tree.items() if blob not in wanted})
    known, fresh, counts = measure_share(job, store, shard, wanted, start.tree)
    mine, todo, missing = counts
    if missing:
        notes.append(waiting_note(shard, mine, missing, len(revisions)))
        revisions = []
    fresh, unreadable = without_unreadable(revisions, fresh, start.whole_tree)
    notes += unreadable
    totals = TreeTotals(start.tree, known)
    rows, touched = _replay(revisions, totals, known, keep)
    if revisions:
        recorded = Recorded(
            tuple(fresh.items()),
            tuple(rows),
            totals.tree,
            tip.head,
            start.truncated,
            start.stored,
            tuple(touched),
            tip.origin,
        )
        revisions = _saved(store, recorded, revisions, notes)
    _tell_left_out(keep)
    notes += not_analysed_notes(job.root, totals.tree, known)
    snapshots = tuple(CommitTotals(*row) for row in store.commits())
    cut = len(snapshots) if start.truncated else 0
    _add_closing_notes(notes, snapshots, cut, store.notes)
    reused = len(set(wanted)) - todo
    return HistoryRun(snapshots, len(revisions), mine, reused, cut, tuple(notes))


def _saved(
    store: Store, recorded: Recorded, revisions: list[Revision], notes: list[str]
) -> list[Revision]:
    """The revisions this run recorded: none when another run recorded them first."""
    if store.save(recorded):
        return revisions
    notes.append("another run recorded these commits first: the store holds them once")
    return []


def _path_filter(settings: Settings) -> PathFilter:
    """The Python files of the history that are measured."""
    return PathFilter(
        ("*.py",),
        (*settings.history.exclude, *settings.excluded_patterns),
        hidden=settings.exclude_hidden,
        vendored=settings.exclude_vendored,
    )


def _start(root: str, tip: _Tip, store: Store, keep: PathFilter, notes: list[str]) -> _Start:
    """Where recording resumes; a store whose last commit is no longer below HEAD is
    forgotten. Adds to ``notes`` what the reader should know about it."""
    last, tree, truncated = _recorded(root, tip.head, store, notes)
    base = first_parent_ancestor(root, tip.limit) if tip.limit and not last else None
    if base:
        last, tree = base, {p: b for p, b in tree_blobs(root, base).items() if keep(p)}
        notes.append(f"started from the tree {tip.limit} commits below HEAD (--limit)")
    return _Start(last, tree, truncated or (not last and tip.shallow), base)


def _recorded(
    root: str, head: str, store: Store, notes: list[str]
) -> tuple[str, dict[str, str], bool]:
    """``store.last()``; nothing when HEAD is no longer below the last recorded commit (a
    rewritten history: the store's commits are forgotten)."""
    last, tree, truncated = store.last()
    if last and last != head and not is_ancestor(root, last, head):
        notes.append(f"HEAD is no longer a descendant of {last[:12]}: history recorded again")
        store.forget_commits()
        return "", {}, False
    return last, tree, truncated


def _revisions_after(root: str, last: str, head: str) -> list[Revision]:
    """The main line's commits after ``last`` (all of it when nothing is recorded yet)."""
    if last == head:
        return []
    return revisions_read(root, f"{last}..HEAD" if last else "HEAD")


_Row = tuple[str, str, int, dict[str, float], dict[str, dict[str, float]]]


def _replay(
    revisions: list[Revision],
    totals: TreeTotals,
    known: dict[str, dict[str, float]],
    keep: PathFilter,
) -> tuple[list[_Row], list[tuple[str, ...]]]:
    """Apply each commit's changes to ``totals``: the store's row of each commit, and the
    modules each one touched."""
    rows, touched = [], []
    for revision in revisions:
        totals.apply(revision.changes, known, keep)
        snap = totals.snapshot(revision.sha, revision.author, revision.timestamp)
        rows.append((snap.sha, snap.author, snap.timestamp, snap.totals, snap.modules))
        touched.append(totals.touched(revision.changes, keep))
    return rows, touched


def _add_closing_notes(
    notes: list[str], snapshots: tuple[CommitTotals, ...], cut: int, store_notes: Iterable[str]
) -> None:
    """The notes about the whole recorded history, then the store's not told yet."""
    if cut:
        notes.append(
            f"history truncated at {cut} commits (a shallow clone): the first one holds "
            "everything before it; run `git fetch --unshallow` for all of it"
        )
    if not any(s.totals.get("files") for s in snapshots):
        notes.append("no Python files in any recorded commit")
    notes += [note for note in store_notes if note not in notes]  # e.g. a store kept in memory


def _tell_left_out(keep: PathFilter) -> None:
    """--verbose: the hidden and vendored folders of the history that were left out."""
    for folder, reason in sorted(keep.left_out.items()):
        log.info("skipped %s: %s", folder, reason)


def _blobs(revisions: Iterable[Revision], keep: PathFilter) -> dict[str, str]:
    """Blob -> a path it had (for messages), in the order the commits bring them."""
    wanted: dict[str, str] = {}
    for revision in revisions:
        for change in revision.changes:
            if change.blob and change.blob not in wanted and keep(change.path):
                wanted[change.blob] = change.path
    return wanted


def _salt(settings: Settings, catalogue: Catalogue) -> str:
    """Blob facts depend on codehealth, Python's grammar, thresholds, costs and filters."""
    described = json.dumps(
        [
            asdict(settings.thresholds),
            [asdict(rule) for rule in catalogue.rules],
            settings.history.exclude,
            settings.excluded_patterns,
            [settings.exclude_hidden, settings.exclude_vendored],
        ],
        sort_keys=True,
        default=str,
    )
    digest = hashlib.blake2b(described.encode(), digest_size=8).hexdigest()
    python = f"py{sys.version_info[0]}.{sys.version_info[1]}"
    return f"{__version__}/{_FACTS_VERSION}/m{METRICS_VERSION}/{python}/{digest}"
