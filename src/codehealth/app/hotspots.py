"""The hotspots use case: one streamed git log + the scan + the debt -> the history report.

Debt comes from ``run_debt`` (the debt package's findings, priced by the catalogue): per file
and per symbol through ``_file_debt``, the one seam between debt and history.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from codehealth.app.commit_log import CommitLog
from codehealth.app.debt import debt_and_measured
from codehealth.app.scan import Measured, Progress, log
from codehealth.config import ConfigError, Settings, is_test_path, load_settings
from codehealth.debt import DebtReport, Target, module_names
from codehealth.history import (
    Coupling,
    FileDebt,
    FileHistory,
    HotFile,
    HotFunction,
    HotspotsReport,
    Hunk,
    Ownership,
    PathFilter,
    change_coupling,
    changed_scopes,
    file_histories,
    file_ownership,
    follow_renames,
    rank_files,
    rank_functions,
    rename_map,
    select_commits,
    truck_factors,
    window_start,
)
from codehealth.metrics import package_names
from codehealth.model import Commit, FileMetrics, Finding
from codehealth.sources import repository_facts, stream_hunks

_FUNCTION_FILES = 10  # functions are ranked inside at most this many hotspot files


@dataclass(frozen=True, slots=True)
class Mined:
    """Everything hotspots and plan share: the report and what it was built from."""

    report: HotspotsReport
    debt: DebtReport
    targets: tuple[Target, ...]  # debt grouped per symbol (file level: symbol "")
    histories: dict[str, FileHistory]
    measured: Measured  # today's files: their contents and metrics


def run_hotspots(
    root: str = ".",
    *,
    window: str | None = None,
    settings: Settings | None = None,
    config_file: str | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
    now: float | None = None,
    extra_findings: Sequence[Finding] = (),
) -> Mined:
    """``extra_findings``: priced into the debt (``run_debt``'s seam; the HTML report passes
    the boundary findings it has computed)."""
    root = os.path.abspath(root)
    if settings is None:
        settings = load_settings(root, config_file)
    options = settings.history
    window = window or options.window
    now = time.time() if now is None else now
    try:
        start = window_start(window, now)
    except ValueError as error:
        raise ConfigError(str(error)) from None
    facts = repository_facts(root)
    cache_dir = os.path.join(root, settings.cache_dir) if use_cache else None
    log = (
        CommitLog(root, facts.toplevel, facts.head, cache_dir, facts.shallow)
        if facts.head
        else None
    )
    # One measurement for the debt and the metrics (measuring again, even from the cache,
    # costs a second decode of every file).
    debt, measured = debt_and_measured(
        (),
        root,
        use_cache=use_cache,
        settings=settings,
        progress=progress,
        extra_findings=extra_findings,
    )
    raw: list[Commit] = log.commits() if log is not None else []
    notes: list[str] = list(log.notes) if log is not None else []
    if not facts.head:
        notes.append("the repository has no commits yet: nothing to mine")
    elif not raw:
        notes.append("no non-merge commits: merges alone say nothing about who changed what")
    truncated = len(raw) if facts.shallow else 0
    if truncated:
        notes.append(
            f"history truncated at {truncated} commits (a shallow clone): counts, ages and "
            "ownership cover only those; run `git fetch --unshallow` for all of it"
        )
    keep = PathFilter(
        options.include,
        (*options.exclude, *_exclude(settings)),
        hidden=settings.exclude_hidden,
        vendored=settings.exclude_vendored,
    )
    commits = select_commits(follow_renames(raw), keep, options.bots)
    _log_left_out(keep.left_out, measured)
    histories = file_histories(commits, start, now)
    in_window = [c for c in commits if start is None or c.timestamp >= start]
    if facts.head and raw and not in_window:
        notes.append(f"no commits changed the analysed files in the window ({window})")
    metrics = measured.files
    targets = debt.targets  # fix_first of every finding, grouped once by build_report
    # A test file's rank counts its test debt too; plan schedules ``targets`` only.
    per_file = _file_debt((*targets, *debt.test_targets))
    files = _marked(rank_files(histories, metrics, per_file, now), settings)
    counted = {c.sha for c in in_window}
    functions = _hot_functions(root, files, metrics, per_file, start, rename_map(raw), counted)
    alive = set(metrics)
    modules = module_names(
        alive, package_names(measured.discovered, settings.roots), options.module_depth
    )
    repo_tf, module_tf = truck_factors((histories[p] for p in alive if p in histories), modules)
    report = HotspotsReport(
        window=window,
        commits=len(raw),
        window_commits=len(in_window),
        authors=len({c.author for c in commits}),
        files=tuple(files),
        functions=tuple(functions),
        coupling=tuple(_coupling(in_window, alive, settings)),
        ownership=tuple(_ownership(histories, alive, now)),
        truck_factor=repo_tf,
        module_truck_factors=tuple(module_tf),
        renames=len(rename_map(raw)),
        truncated=truncated,
        notes=tuple(
            [
                *notes,
                *debt.incomplete,
                *(f"not analysed: {n.path}: {n.reason}" for n in measured.not_analysed),
            ]
        ),
    )
    return Mined(report, debt, targets, histories, measured)


def _marked(files: list[HotFile], settings: Settings) -> list[HotFile]:
    """Test files marked as such (not hidden: a hot test file is worth knowing)."""
    return [replace(row, test=is_test_path(row.path, settings.tests)) for row in files]


def _log_left_out(folders: dict[str, str], measured: Measured) -> None:
    """--verbose: the folders of the history left out (those of today's files are told)."""
    told = {path for path, _ in measured.left_out}
    for folder, reason in sorted(folders.items()):
        if folder not in told:
            log.info("skipped %s: %s (history)", folder, reason)


def _exclude(settings: Settings) -> tuple[str, ...]:
    return settings.exclude + (("migrations",) if settings.exclude_migrations else ())


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


def _hot_functions(
    root: str,
    files: Sequence[HotFile],
    metrics: dict[str, FileMetrics],
    debt: dict[str, FileDebt],
    start: float | None,
    renamed: dict[str, str],
    counted: set[str],
) -> list[HotFunction]:
    """Functions of the hotspot files, by the commits in the window that changed them: one
    ``git log -p -U0`` over those files (and their former names), hunks carried forward to
    today's lines."""
    hot = [row.path for row in files if row.hotspot][:_FUNCTION_FILES]
    if not hot:
        return []
    names = {path: path for path in hot}
    names.update((old, new) for old, new in renamed.items() if new in names)
    per_file: dict[str, list[list[Hunk]]] = defaultdict(list)
    since = int(start) if start is not None else None
    for sha, commit in stream_hunks(root, sorted(names), since=since):
        if sha not in counted:  # a bot's commit, or one of only excluded files
            continue
        for path, hunks in commit.items():
            if path in names:
                per_file[names[path]].append([Hunk(*hunk) for hunk in hunks])
    rows: list[HotFunction] = []
    for path in hot:
        measured = metrics[path]
        scopes = {fn.qualname: (fn.lineno, fn.end_lineno) for fn in measured.functions}
        changes = changed_scopes(per_file.get(path, []), scopes)
        rows.extend(rank_functions(path, measured, changes, debt.get(path))[:10])
    rows.sort(key=lambda row: (-row.score, row.path, row.line))
    return rows


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
