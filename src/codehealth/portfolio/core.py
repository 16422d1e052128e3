"""``codehealth portfolio``: one row per repository of a shared store, from the values the
store holds (pure: no I/O)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from codehealth.core import BoundarySummary, DebtSettings
from codehealth.debt.report import debt_ratio, rating

# the development cost of a source line (the debt command's default: the store does not
# keep a project's own), for the rating
MINUTES_PER_LINE = DebtSettings().minutes_per_line
WORST = 3  # modules and hotspots per repository in the table
# per repository for the page's treemap and its hotspots across all repositories: enough to
# show where the debt is, few enough for a page of 100 repositories under a megabyte
KEPT = 60


@dataclass(frozen=True, slots=True)
class ModuleDebt:
    name: str
    debt_hours: float


@dataclass(frozen=True, slots=True)
class Hotspot:
    """A module changed often inside the window and complex now: touches x cyclomatic."""

    name: str
    touches: int
    cyclomatic: float
    score: float


@dataclass(frozen=True, slots=True)
class RepositoryHealth:
    name: str
    debt_hours: float
    rating: str
    debt_first_hours: float  # the first commit inside the window (now if none is)
    debt_change_hours: float  # now minus first
    debt_series_hours: tuple[float, ...]  # every commit inside the window, oldest first
    debt_series_times: tuple[int, ...]  # their timestamps
    modules: tuple[ModuleDebt, ...]  # with debt, most first (at most KEPT)
    ranked_hotspots: tuple[Hotspot, ...]  # highest score first (at most KEPT)
    last_commit: str  # its short sha
    last_timestamp: int
    boundaries: BoundarySummary | None = None  # of its last commit that has one recorded
    boundaries_commit: str = ""  # that commit's short sha

    @property
    def worst_modules(self) -> tuple[ModuleDebt, ...]:
        return self.modules[:WORST]

    @property
    def hotspots(self) -> tuple[Hotspot, ...]:
        return self.ranked_hotspots[:WORST]


@dataclass(frozen=True, slots=True)
class Portfolio:
    window: str
    repositories: tuple[RepositoryHealth, ...]


def debt_rating(debt_minutes: float, source_lines: float) -> str:
    """The A-E rating of the debt command: debt against the cost of writing the code."""
    return rating(debt_ratio(debt_minutes, source_lines, MINUTES_PER_LINE))


def worst_modules(
    modules: Mapping[str, Mapping[str, float]], limit: int = WORST
) -> tuple[ModuleDebt, ...]:
    """The modules with the most debt, most first (ties by name); none without debt."""
    ranked = sorted(
        (
            ModuleDebt(name, values.get("debt_minutes", 0.0) / 60)
            for name, values in modules.items()
        ),
        key=lambda module: (-module.debt_hours, module.name),
    )
    return tuple(module for module in ranked if module.debt_hours > 0)[:limit]


def hotspots(
    touches: Mapping[str, int], modules: Mapping[str, Mapping[str, float]], limit: int = WORST
) -> tuple[Hotspot, ...]:
    """Modules that exist now, by touches inside the window x their cyclomatic now."""
    ranked = sorted(
        (
            Hotspot(name, count, cyclomatic, count * cyclomatic)
            for name, count in touches.items()
            if (cyclomatic := modules.get(name, {}).get("cyclomatic", 0.0)) > 0
        ),
        key=lambda spot: (-spot.score, spot.name),
    )
    return tuple(ranked[:limit])


def repository_health(
    name: str,
    last: tuple[str, int],
    totals: Mapping[str, float],
    modules: Mapping[str, Mapping[str, float]],
    window: tuple[Sequence[tuple[int, float]], Mapping[str, int]],
    boundaries: tuple[str, BoundarySummary] | None = None,
) -> RepositoryHealth:
    """``last``: the last commit's sha and timestamp, its ``totals`` and ``modules``;
    ``window``: (timestamp, debt minutes) of each commit in the window and the module
    touches; ``boundaries``: the latest boundary summary recorded and its commit."""
    commits, touches = window
    minutes = float(totals.get("debt_minutes", 0.0))
    series = tuple(value / 60 for _, value in commits)
    first = series[0] if series else minutes / 60
    return RepositoryHealth(
        name=name,
        debt_hours=minutes / 60,
        rating=debt_rating(minutes, float(totals.get("lines", 0.0))),
        debt_first_hours=first,
        debt_change_hours=minutes / 60 - first,
        debt_series_hours=series,
        debt_series_times=tuple(timestamp for timestamp, _ in commits),
        modules=worst_modules(modules, KEPT),
        ranked_hotspots=hotspots(touches, modules, KEPT),
        last_commit=last[0][:10],
        last_timestamp=last[1],
        boundaries=boundaries[1] if boundaries else None,
        boundaries_commit=boundaries[0][:10] if boundaries else "",
    )


def boundaries_text(summary: BoundarySummary | None) -> str:
    """``2 violations · 1 cycle``, ``clean``, or ``—`` when none is recorded."""
    if summary is None:
        return "\u2014"
    parts = [
        f"{count} {word}{'' if count == 1 else 's'}"
        for count, word in (
            (summary.violations, "violation"),
            (summary.cycles, "cycle"),
            (summary.contracts_broken, "broken contract"),
        )
        if count
    ]
    return " \u00b7 ".join(parts) if parts else "clean"
