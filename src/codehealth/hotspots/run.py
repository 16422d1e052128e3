"""The hotspots use case: one streamed git log + the scan + the debt -> the history report.

Debt comes from ``run_debt`` (the debt package's findings, priced by the catalogue): per file
and per symbol through ``_file_debt``, the one seam between debt and history.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from codehealth.adapters.git import HistoryUnavailable, repository_facts
from codehealth.core import (
    Commit,
    ConfigError,
    Finding,
    Settings,
    Unreadable,
    is_test_path,
)
from codehealth.debt import DebtOptions, DebtReport, Target, measure_debt, module_names
from codehealth.history import (
    Coupling,
    FileHistory,
    Ownership,
    PathFilter,
    TruckFactor,
    author_emails,
    change_coupling,
    file_histories,
    file_ownership,
    follow_renames,
    rename_map,
    select_commits,
    truck_factors,
    unreadable_notes,
    window_start,
)
from codehealth.hotspots.commit_log import CommitLog
from codehealth.hotspots.functions import hot_functions, readable
from codehealth.hotspots.ranking import FileDebt, HotFile, rank_files
from codehealth.hotspots.report import HotspotsReport
from codehealth.metrics import Measured, log, package_names


@dataclass(frozen=True, slots=True)
class Mined:
    """Everything hotspots and plan share: the report and what it was built from."""

    report: HotspotsReport
    debt: DebtReport
    targets: tuple[Target, ...]  # debt grouped per symbol (file level: symbol "")
    histories: dict[str, FileHistory]
    measured: Measured  # today's files: their contents and metrics
    emails: dict[str, tuple[str, ...]] = field(default_factory=dict)  # author -> e-mails


@dataclass(frozen=True, slots=True)
class HotspotsOptions:
    """How the history is mined: today's files measured as ``measuring`` says (the
    settings, caches, progress), changes counted in ``window`` (else ``[tool.codehealth.history]
    window``) up to ``now`` (the clock when None); ``extra_findings`` are priced into the debt
    (``run_debt``'s seam: the HTML report passes the boundary findings it has computed)."""

    measuring: DebtOptions = field(default_factory=DebtOptions)
    window: str | None = None
    now: float | None = None
    extra_findings: Sequence[Finding] = ()


def run_hotspots(root: str = ".", options: HotspotsOptions | None = None) -> Mined:
    """The hotspots of the project at ``root`` and what they were mined from."""
    options = options or HotspotsOptions()
    root = os.path.abspath(root)
    settings = options.measuring.settings_at(root)
    span = _span(options.window or settings.history.window, options.now)
    facts = repository_facts(root)
    if not facts.head:
        raise HistoryUnavailable(
            "the repository has no commits yet: hotspots and the plan rank files by their "
            "history; commit first"
        )
    measuring = replace(options.measuring, settings=settings)
    cache_dir = os.path.join(root, settings.cache_dir) if measuring.use_cache else None
    commit_log = CommitLog(root, facts.toplevel, facts.head, cache_dir, facts.shallow)
    # One measurement for the debt and the metrics (measuring again, even from the cache,
    # costs a second decode of every file).
    today = measure_debt((), root, measuring, extra_findings=options.extra_findings)
    return _mine(root, settings, span, _read_log(commit_log, facts.shallow, span), today)


@dataclass(frozen=True)
class _Span:
    """The window hotspots look at: as given, its start (None: all of history) and now."""

    window: str
    start: float | None
    now: float


def _span(window: str, now: float | None) -> _Span:
    """The window from now (the clock when None); a window that does not parse is a
    ConfigError."""
    now = time.time() if now is None else now
    try:
        start = window_start(window, now)
    except ValueError as error:
        raise ConfigError(str(error)) from None
    return _Span(window, start, now)


@dataclass(frozen=True)
class _Log:
    """The main line's non-merge commits as read, with what the reader should know."""

    raw: list[Commit]
    truncated: int  # the commits of a shallow clone (0: the whole history)
    unreadable: Sequence[Unreadable]
    notes: tuple[str, ...]


def _read_log(commit_log: CommitLog, shallow: bool, span: _Span) -> _Log:
    """The commits of ``commit_log``; a shallow clone must cover the window."""
    raw: list[Commit] = commit_log.commits()
    truncated = len(raw) if shallow else 0
    if truncated:
        _covers_the_window(raw, span.start, span.window)
    notes = (*commit_log.notes, *_log_notes(raw, truncated, commit_log.unreadable))
    return _Log(raw, truncated, commit_log.unreadable, notes)


def _mine(
    root: str,
    settings: Settings,
    span: _Span,
    history: _Log,
    today: tuple[DebtReport, Measured],
) -> Mined:
    """The hotspots report from the commits and today's debt and metrics."""
    debt, measured = today
    options = settings.history
    keep = PathFilter(
        options.include,
        (*options.exclude, *settings.excluded_patterns),
        hidden=settings.exclude_hidden,
        vendored=settings.exclude_vendored,
    )
    commits = select_commits(follow_renames(history.raw), keep, options.bots)
    _log_left_out(keep.left_out, measured)
    histories = file_histories(commits, span.start, span.now)
    in_window = _in_window(commits, span.start)
    notes = list(history.notes)
    if history.raw and not in_window:
        notes.append(f"no commits changed the analysed files in the window ({span.window})")
    metrics = measured.files
    targets = debt.targets  # fix_first of every finding, grouped once by build_report
    # A test file's rank counts its test debt too; plan schedules ``targets`` only.
    per_file = _file_debt((*targets, *debt.test_targets))
    coverage = debt.coverage.data if debt.coverage is not None else None
    files = _marked(rank_files(histories, metrics, per_file, span.now, coverage), settings)
    renamed = rename_map(history.raw)
    counted = readable(history.raw, {c.sha for c in in_window}, history.unreadable)
    measures = (metrics, per_file, coverage)
    functions = hot_functions(root, files, measures, span.start, renamed, counted)
    alive = set(metrics)
    repo_tf, module_tf = _truck_factors(histories, alive, measured, settings)
    report = HotspotsReport(
        window=span.window,
        commits=len(history.raw),
        window_commits=len(in_window),
        authors=len({c.author for c in commits}),
        files=tuple(files),
        functions=tuple(functions),
        coupling=tuple(_coupling(in_window, alive, settings)),
        ownership=tuple(_ownership(histories, alive, span.now)),
        truck_factor=repo_tf,
        module_truck_factors=tuple(module_tf),
        renames=len(renamed),
        truncated=history.truncated,
        notes=_report_notes(notes, debt, measured),
    )
    return Mined(report, debt, targets, histories, measured, author_emails(commits))


def _in_window(commits: list[Commit], start: float | None) -> list[Commit]:
    """The commits at or after ``start`` (all of them without a start)."""
    return [c for c in commits if start is None or c.timestamp >= start]


def _truck_factors(
    histories: dict[str, FileHistory], alive: set[str], measured: Measured, settings: Settings
) -> tuple[TruckFactor, list[TruckFactor]]:
    """The truck factor of the repository and of each module, over today's files."""
    modules = module_names(
        alive, package_names(measured.discovered, settings.roots), settings.history.module_depth
    )
    return truck_factors((histories[p] for p in alive if p in histories), modules)


def _report_notes(notes: list[str], debt: DebtReport, measured: Measured) -> tuple[str, ...]:
    """The history's notes, then the debt's, then the files that were not analysed."""
    return (
        *notes,
        *debt.incomplete,
        *(f"not analysed: {n.path}: {n.reason}" for n in measured.not_analysed),
    )


def _covers_the_window(raw: Sequence[Commit], start: float | None, window: str) -> None:
    """A shallow clone whose oldest commit is newer than the window's start cannot say how
    often files changed in it: HistoryUnavailable (exit 2) with the fix."""
    oldest = min(c.timestamp for c in raw)
    if start is not None and oldest <= start:
        return
    since = "all of it" if start is None else f"since {_day(start)}"
    raise HistoryUnavailable(
        f"this is a shallow clone of {len(raw)} commits going back to {_day(oldest)}, and "
        f"the window ({window}) asks for {since}: fetch the history with "
        "`git fetch --unshallow` (in CI: actions/checkout with `fetch-depth: 0`), or give a "
        "shorter --since"
    )


def _day(seconds: float) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(seconds))


def _log_notes(raw: list[Commit], truncated: int, unreadable: Sequence[Unreadable]) -> list[str]:
    notes: list[str] = []
    if not raw:
        notes.append("no non-merge commits: merges alone say nothing about who changed what")
    if truncated:
        notes.append(
            f"history truncated at {truncated} commits (a shallow clone): counts, ages and "
            "ownership cover only those; run `git fetch --unshallow` for all of it"
        )
    notes += unreadable_notes(
        unreadable,
        "the lines added and deleted there are unknown (counted as 0); the "
        "commits still count as changing the file",
    )
    return notes


def _marked(files: list[HotFile], settings: Settings) -> list[HotFile]:
    """Test files marked as such (not hidden: a hot test file is worth knowing)."""
    return [replace(row, test=is_test_path(row.path, settings.tests)) for row in files]


def _log_left_out(folders: dict[str, str], measured: Measured) -> None:
    """--verbose: the folders of the history left out (those of today's files are told)."""
    told = {path for path, _ in measured.left_out}
    for folder, reason in sorted(folders.items()):
        if folder not in told:
            log.info("skipped %s: %s (history)", folder, reason)


def _file_debt(targets: Sequence[Target]) -> dict[str, FileDebt]:
    """The seam: debt minutes per file and per symbol, from the debt package's targets."""
    minutes: dict[str, float] = defaultdict(float)
    symbols: dict[str, list[tuple[str, float]]] = defaultdict(list)
    rules: dict[str, set[str]] = defaultdict(set)
    for target in targets:
        minutes[target.path] += target.minutes
        if target.symbol:
            symbols[target.path].append((target.symbol, target.minutes))
        rules[target.path].update(target.rules)
    return {
        path: FileDebt(round(total, 2), tuple(symbols[path]), tuple(sorted(rules[path])))
        for path, total in minutes.items()
    }


def _coupling(commits: list[Commit], alive: set[str], settings: Settings) -> list[Coupling]:
    options = settings.history
    return change_coupling(
        commits,
        alive=alive,
        huge_commit=options.huge_commit,
        min_revisions=options.coupling_min_revisions,
        min_shared=options.coupling_min_shared,
        min_degree=options.coupling_min_degree,
    )


def _ownership(histories: dict[str, FileHistory], alive: set[str], now: float) -> list[Ownership]:
    rows = [file_ownership(histories[path], now) for path in alive if path in histories]
    rows.sort(key=lambda row: (-row.fragmentation, -row.revisions, row.path))
    return rows
