"""The review habit per month: changes by review level, the design share against the team's
target, the changes that touched hotspots, the modules whose public API changed most (pure)."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from codehealth.core import API, CAREFUL, DESIGN, HOTSPOT, LIGHTWEIGHT, ReviewReason


@dataclass(frozen=True, slots=True)
class ReviewedChange:
    """One change of the main line and its level: a merge is the pull request it merged."""

    sha: str
    month: str  # YYYY-MM (UTC) of the commit time: when it landed
    author: str
    merge: bool
    level: str
    reasons: tuple[ReviewReason, ...]
    files: int
    lines: int
    api_packages: tuple[str, ...] = ()  # packages whose public API it changed
    notes: tuple[str, ...] = ()  # what could not be judged (an unreadable blob)


@dataclass(frozen=True, slots=True)
class MonthRow:
    month: str
    changes: int
    lightweight: int
    careful: int
    design: int
    design_share: float
    vs_target: str  # "above", "on" or "below" the team's design share
    hotspot_changes: int  # changes that touched a hotspot
    api_changes: int  # changes that changed a package's public API
    top_api_package: str  # the package whose API changed in most of the month's changes


@dataclass(frozen=True, slots=True)
class PackageApi:
    """A package whose public API changed: in how many changes, the months, the latest."""

    package: str
    changes: int
    months: tuple[str, ...]
    latest: str  # the newest change's commit


@dataclass(frozen=True, slots=True)
class ReviewsReport:
    window: str
    target: float  # [tool.codehealth.review] design_share
    changes: int
    merges: int  # of them, merges read as pull requests
    lightweight: int
    careful: int
    design: int
    design_share: float
    vs_target: str
    months: tuple[MonthRow, ...]
    packages: tuple[PackageApi, ...]
    reviewed: tuple[ReviewedChange, ...]  # newest first
    notes: tuple[str, ...] = ()


def month_of(timestamp: float) -> str:
    return datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).strftime("%Y-%m")


def versus(share: float, target: float) -> str:
    """Whether ``share`` is above, on or below ``target``, compared in whole percent (what
    the tables show)."""
    shown, wanted = round(share * 100), round(target * 100)
    return "on" if shown == wanted else "above" if shown > wanted else "below"


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def month_rows(reviewed: Sequence[ReviewedChange], target: float) -> list[MonthRow]:
    """One row per month that has changes, oldest first."""
    by_month: dict[str, list[ReviewedChange]] = {}
    for change in reviewed:
        by_month.setdefault(change.month, []).append(change)
    return [_row(month, by_month[month], target) for month in sorted(by_month)]


def _row(month: str, changes: list[ReviewedChange], target: float) -> MonthRow:
    levels = Counter(change.level for change in changes)
    packages = Counter(p for change in changes for p in change.api_packages)
    top = min(packages.items(), key=lambda item: (-item[1], item[0]))[0] if packages else ""
    share = _share(levels[DESIGN], len(changes))
    return MonthRow(
        month,
        len(changes),
        levels[LIGHTWEIGHT],
        levels[CAREFUL],
        levels[DESIGN],
        share,
        versus(share, target),
        sum(1 for change in changes if _has(change, HOTSPOT)),
        sum(1 for change in changes if _has(change, API)),
        top,
    )


def _has(change: ReviewedChange, kind: str) -> bool:
    return any(reason.kind == kind for reason in change.reasons)


def packages_by_api_changes(reviewed: Iterable[ReviewedChange]) -> list[PackageApi]:
    """The packages whose public API changed, in the most changes first (then by name);
    ``reviewed`` newest first, so the first change seen is the latest."""
    found: dict[str, list[ReviewedChange]] = {}
    for change in reviewed:
        for package in change.api_packages:
            found.setdefault(package, []).append(change)
    rows = [
        PackageApi(name, len(changes), tuple(sorted({c.month for c in changes})), changes[0].sha)
        for name, changes in found.items()
    ]
    return sorted(rows, key=lambda row: (-row.changes, row.package))


def reviews_report(
    reviewed: Sequence[ReviewedChange], window: str, target: float, notes: Sequence[str] = ()
) -> ReviewsReport:
    """The report over ``reviewed`` (newest first)."""
    levels = Counter(change.level for change in reviewed)
    share = _share(levels[DESIGN], len(reviewed))
    return ReviewsReport(
        window=window,
        target=target,
        changes=len(reviewed),
        merges=sum(1 for change in reviewed if change.merge),
        lightweight=levels[LIGHTWEIGHT],
        careful=levels[CAREFUL],
        design=levels[DESIGN],
        design_share=share,
        vs_target=versus(share, target),
        months=tuple(month_rows(reviewed, target)),
        packages=tuple(packages_by_api_changes(reviewed)),
        reviewed=tuple(reviewed),
        notes=tuple(notes),
    )
