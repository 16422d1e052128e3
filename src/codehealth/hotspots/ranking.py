"""Hotspots: change frequency in the window against complexity and debt, with the reasons.

score = (revisions / most revisions) x mean(cognitive / most cognitive, debt / most debt),
0 to 100; with coverage data, x (1 - coverage / 2): a fully tested file or function weighs
half an untested one (one without a figure is not lowered). The hotspot set is cut where the
ranked scores drop the most (as CodeScene cuts the frequency curve) rather than at a fixed
percentile.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from codehealth.core import (
    CoverageData,
    FileCoverage,
    FileMetrics,
    FunctionMetrics,
    SpanIndex,
    file_coverage_span,
    percent,
)
from codehealth.history import FileHistory, file_ownership

_CUT_SEARCH = 20  # look for the drop among the first this many files


@dataclass(frozen=True, slots=True)
class FileDebt:
    """The debt of one file and of the symbols in it (the seam to ``codehealth.debt``)."""

    minutes: float
    by_symbol: tuple[tuple[str, float], ...] = ()  # qualified name -> minutes
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class HotFile:
    path: str
    score: float
    hotspot: bool
    revisions: int  # in the window
    authors: int  # in the window
    added: int
    deleted: int
    cognitive: int
    cyclomatic: int
    debt_minutes: float
    main_developer: str
    share: float
    age_months: float
    trend: str  # rising, steady, cooling
    reasons: tuple[str, ...]
    test: bool = False  # test code (marked, not hidden: a hot test file is worth knowing)


@dataclass(frozen=True, slots=True)
class HotFunction:
    path: str
    qualname: str
    line: int
    changes: int  # commits in the window that changed it
    cognitive: int
    cyclomatic: int
    debt_minutes: float
    score: float
    reasons: tuple[str, ...]


def untested_factor(rate: float | None) -> float:
    """What coverage does to a score: x1 untested, x0.5 fully tested, x1 without a figure."""
    return 1.0 if rate is None else 1.0 - rate / 2


def _file_rate(coverage: CoverageData | None, path: str) -> float | None:
    found = coverage.of(path) if coverage is not None else None
    return None if found is None else file_coverage_span(found).rate


def frequency_trend(facts: FileHistory) -> str:
    older = facts.window_revisions - facts.recent
    if facts.recent >= 2 and facts.recent > 1.5 * older:
        return "rising"
    if older >= 2 and older > 1.5 * facts.recent:
        return "cooling"
    return "steady"


def rank_files(
    histories: Mapping[str, FileHistory],
    metrics: Mapping[str, FileMetrics],
    debt: Mapping[str, FileDebt],
    now: float,
    coverage: CoverageData | None = None,
) -> list[HotFile]:
    """Every measured file changed in the window, the hottest first."""
    changed = [path for path in metrics if path in histories and histories[path].window_revisions]
    if not changed:
        return []
    rates = {path: _file_rate(coverage, path) for path in changed}
    scored, top_revisions = _file_scores(changed, histories, metrics, debt, rates)
    # Ranked and cut before the records are built: each is made once, its flag known.
    cut = hotspot_cut([score for score, _, _ in scored])
    rows = []
    for index, (score, path, minutes) in enumerate(scored):
        facts, measured = histories[path], metrics[path]
        owner = file_ownership(facts)
        rows.append(
            HotFile(
                path=path,
                score=score,
                hotspot=index < cut,
                revisions=facts.window_revisions,
                authors=len(facts.window_authors),
                added=facts.window_added,
                deleted=facts.window_deleted,
                cognitive=measured.cognitive,
                cyclomatic=measured.cyclomatic,
                debt_minutes=minutes,
                main_developer=owner.main_developer,
                share=owner.share,
                age_months=facts.age_months(now),
                trend=frequency_trend(facts),
                reasons=_file_reasons(facts, measured, debt.get(path), top_revisions)
                + _covered(rates[path]),
            )
        )
    return rows


def _file_scores(
    changed: list[str],
    histories: Mapping[str, FileHistory],
    metrics: Mapping[str, FileMetrics],
    debt: Mapping[str, FileDebt],
    rates: Mapping[str, float | None],
) -> tuple[list[tuple[float, str, float]], int]:
    """(score, path, debt minutes) of each changed file, the hottest first, and the most
    window revisions of any of them."""
    top_revisions = max(histories[p].window_revisions for p in changed)
    top_cognitive = max(metrics[p].cognitive for p in changed) or 1
    top_debt = max((debt[p].minutes for p in changed if p in debt), default=0.0)
    scored = []
    for path in changed:
        minutes = debt[path].minutes if path in debt else 0.0
        weight = metrics[path].cognitive / top_cognitive
        if top_debt:
            weight = (weight + minutes / top_debt) / 2
        weight *= untested_factor(rates[path])
        score = round(100 * histories[path].window_revisions / top_revisions * weight, 1)
        scored.append((score, path, minutes))
    scored.sort(key=lambda row: (-row[0], -histories[row[1]].window_revisions, row[1]))
    return scored, top_revisions


def _covered(rate: float | None) -> tuple[str, ...]:
    return () if rate is None else (f"covered {percent(rate)} by the tests",)


def hotspot_cut(scores: Sequence[float]) -> int:
    """How many of the ranked ``scores`` are hotspots: up to the largest drop (at least one
    when any score is above zero)."""
    positive = [score for score in scores if score > 0]
    if len(positive) <= 1:
        return len(positive)
    window = positive[: _CUT_SEARCH + 1]
    drops = [window[i] - window[i + 1] for i in range(len(window) - 1)]
    best = max(range(len(drops)), key=lambda i: (drops[i], -i))
    return best + 1


def _file_reasons(
    facts: FileHistory, measured: FileMetrics, debt: FileDebt | None, top_revisions: int
) -> tuple[str, ...]:
    reasons = [
        f"changed in {facts.window_revisions} commits"
        + (" (the most)" if facts.window_revisions == top_revisions else "")
        + f" by {len(facts.window_authors)} author{'s' if len(facts.window_authors) != 1 else ''}",
        f"churn +{facts.window_added}/-{facts.window_deleted} lines",
    ]
    worst = max(measured.functions, key=lambda fn: fn.cognitive, default=None)
    complexity = f"cognitive {measured.cognitive}"
    if worst is not None and worst.cognitive:
        complexity += f", worst {worst.qualname}() {worst.cognitive}"
    reasons.append(complexity)
    if debt is not None and debt.minutes:
        rules = f" ({', '.join(debt.rules[:4])})" if debt.rules else ""
        reasons.append(f"debt {debt.minutes / 60:.1f} h{rules}")
    direction = frequency_trend(facts)
    if direction != "steady":
        reasons.append(
            f"trend {direction}: {facts.recent} of its commits in the window's later half"
        )
    return tuple(reasons)


def rank_functions(
    path: str,
    measured: FileMetrics,
    changes: Mapping[str, int],
    debt: FileDebt | None,
    coverage: FileCoverage | None = None,
) -> list[HotFunction]:
    """The functions of one (hot) file changed in the window, the hottest first; with its
    ``coverage``, a tested function ranks below an untested one that is otherwise equal."""
    minutes = dict(debt.by_symbol) if debt is not None else {}
    candidates = [fn for fn in measured.functions if changes.get(fn.qualname, 0)]
    if not candidates:
        return []
    tops = _function_tops(candidates, changes, minutes)
    index = SpanIndex(coverage) if coverage is not None else None
    rows = [
        _hot_function(
            path,
            fn,
            (changes[fn.qualname], minutes.get(fn.qualname, 0.0)),
            tops,
            index.function(fn.lineno, fn.end_lineno).rate if index is not None else None,
        )
        for fn in candidates
    ]
    rows.sort(key=lambda row: (-row.score, -row.changes, row.line))
    return rows


_Tops = tuple[int, int, float]  # the most changes, cognitive (at least 1) and debt minutes


def _function_tops(
    candidates: list[FunctionMetrics], changes: Mapping[str, int], minutes: dict[str, float]
) -> _Tops:
    """The largest changes, cognitive and debt of the candidates: what scores divide by."""
    top_changes = max(changes[fn.qualname] for fn in candidates)
    top_cognitive = max(fn.cognitive for fn in candidates) or 1
    top_debt = max((minutes.get(fn.qualname, 0.0) for fn in candidates), default=0.0)
    return top_changes, top_cognitive, top_debt


def _hot_function(
    path: str, fn: FunctionMetrics, facts: tuple[int, float], tops: _Tops, rate: float | None
) -> HotFunction:
    """The row of one function changed ``count`` times with ``own_debt`` minutes of debt
    (``facts``) and covered at ``rate``, scored against the file's ``tops``."""
    count, own_debt = facts
    top_changes, top_cognitive, top_debt = tops
    weight = (fn.cognitive or 0.5) / top_cognitive
    if top_debt:
        weight = (weight + own_debt / top_debt) / 2
    weight *= untested_factor(rate)
    reasons = [f"changed in {count} commits", f"cognitive {fn.cognitive}"]
    if own_debt:
        reasons.append(f"debt {own_debt:.0f} min")
    reasons.extend(_covered(rate))
    return HotFunction(
        path,
        fn.qualname,
        fn.lineno,
        count,
        fn.cognitive,
        fn.cyclomatic,
        own_debt,
        round(100 * count / top_changes * weight, 1),
        tuple(reasons),
    )
