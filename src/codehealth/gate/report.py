"""The gate's verdict: what failed, what is only flagged, and each touched file's debt."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from codehealth.core import Finding

if TYPE_CHECKING:
    from codehealth.gate.changed_coverage import ChangedCoverage
    from codehealth.review import ReviewGuidance

ERROR = "error"  # fails the gate
WARNING = "warning"  # flagged for a reviewer; fails only when configured

# Rules of the gate itself (documented in rules/gate.toml).
REGRESSION = "CH501"
DEBT_ROSE = "CH502"
NOT_CLEANER = "CH503"
STOPPED_PARSING = "CH504"
API_CHANGE = "CH505"
LARGE_CHANGE = "CH506"
STALE_BASELINE = "CH507"
CHANGED_UNTESTED = "CH508"
COVERAGE_FELL = "CH509"
NEW_DUPLICATION = "CH510"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing the gate reports. ``kind`` groups problems in the summary."""

    finding: Finding
    level: str
    kind: str


def ordered_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Failures first, then by place: the order every output lists problems in."""
    return tuple(sorted(problems, key=lambda p: (p.level != ERROR, p.finding.path, p.finding.line)))


@dataclass(frozen=True, slots=True)
class FileSummary:
    """A touched file: its debt before and after, and what got better in it."""

    path: str
    old_path: str
    status: str
    debt_before: float
    debt_after: float
    new_findings: int = 0
    fixed_findings: int = 0
    improvements: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GateReport:
    """``base``/``head`` describe what was compared (``merge base 1a2b3c4`` / ``HEAD``)."""

    mode: str  # "base", "staged" or "baseline"
    base: str
    head: str
    problems: tuple[Problem, ...]
    files: tuple[FileSummary, ...] = ()
    changed_lines: int = 0
    changed_files: int = 0
    notes: tuple[str, ...] = ()
    coverage: ChangedCoverage | None = None  # None: no coverage data for the head
    review: ReviewGuidance | None = None  # None: not asked for (--no-review, the baseline)

    @property
    def passed(self) -> bool:
        """No failing problem, and the review level below ``[tool.codehealth.review]
        fail_at`` (when set)."""
        failed_review = self.review is not None and self.review.fails
        return not failed_review and not any(p.level == ERROR for p in self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level != ERROR)


def with_problems(report: GateReport, problems: Sequence[Problem]) -> GateReport:
    """``report`` with ``problems`` among its own, in the order every output lists them."""
    if not problems:
        return report
    return replace(report, problems=ordered_problems([*report.problems, *problems]))
