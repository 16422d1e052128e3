"""The hot functions of the hotspot files: the commits in the window that changed each one,
from one ``git log -p -U0`` over those files (and their former names)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from codehealth.adapters.git import hunks_of_commits, stream_hunks
from codehealth.core import Commit, CoverageData, FileMetrics, Unreadable
from codehealth.history import Hunk, changed_scopes
from codehealth.hotspots.ranking import FileDebt, HotFile, HotFunction, rank_functions

_FUNCTION_FILES = 10  # functions are ranked inside at most this many hotspot files
_FUNCTIONS_PER_FILE = 10

Counted = tuple[set[str], list[str] | None]  # commits counted, those whose hunks can be read
_Hunks = Iterable[tuple[str, dict[str, list[tuple[int, int, int, int]]]]]


def readable(raw: Sequence[Commit], counted: set[str], unreadable: Sequence[Unreadable]) -> Counted:
    """The commits counted and, in a clone with unreadable blobs, those whose hunks can be
    read, newest first (``git log -p`` would stop at the others); None in a sound clone."""
    if not unreadable:
        return counted, None
    broken = {item.commit for item in unreadable}
    return counted, [c.sha for c in raw if c.sha in counted and c.sha not in broken]


def hot_functions(
    root: str,
    files: Sequence[HotFile],
    today: tuple[dict[str, FileMetrics], dict[str, FileDebt], CoverageData | None],
    start: float | None,
    renamed: dict[str, str],
    commits: Counted,
) -> list[HotFunction]:
    """Functions of the hotspot files, by the commits in the window that changed them: one
    ``git log -p -U0`` over those files (and their former names), hunks carried forward to
    today's lines. In a clone with unreadable blobs, only the commits that can be read."""
    metrics, debt, coverage = today  # coverage: None without data
    hot = [row.path for row in files if row.hotspot][:_FUNCTION_FILES]
    if not hot:
        return []
    names = {path: path for path in hot}
    names.update((old, new) for old, new in renamed.items() if new in names)
    counted, readable_commits = commits
    per_file = _hunks_per_file(_hunks(root, sorted(names), start, readable_commits), names, counted)
    rows: list[HotFunction] = []
    for path in hot:
        measured = metrics[path]
        scopes = {fn.qualname: (fn.lineno, fn.end_lineno) for fn in measured.functions}
        changes = changed_scopes(per_file.get(path, []), scopes)
        covered = coverage.of(path) if coverage is not None else None
        ranked = rank_functions(path, measured, changes, debt.get(path), covered)
        rows.extend(ranked[:_FUNCTIONS_PER_FILE])
    rows.sort(key=lambda row: (-row.score, row.path, row.line))
    return rows


def _hunks(
    root: str, paths: list[str], start: float | None, readable_commits: list[str] | None
) -> _Hunks:
    """The hunks of the commits that changed ``paths``: of the readable commits in a clone
    with unreadable blobs, else of every commit since ``start``."""
    if readable_commits is not None:
        return hunks_of_commits(root, paths, readable_commits)
    since = int(start) if start is not None else None
    return stream_hunks(root, paths, since=since)


def _hunks_per_file(
    hunks: _Hunks, names: dict[str, str], counted: set[str]
) -> dict[str, list[list[Hunk]]]:
    """Today's path -> the hunks of each counted commit that changed it (under any name)."""
    per_file: dict[str, list[list[Hunk]]] = defaultdict(list)
    for sha, changed in hunks:
        if sha not in counted:  # a bot's commit, or one of only excluded files
            continue
        for path, ranges in changed.items():
            if path in names:
                per_file[names[path]].append([Hunk(*hunk) for hunk in ranges])
    return per_file
