"""A commit's boundary health in a few numbers, as a shared history store keeps it for the
portfolio (``codehealth history --store`` records it for the commit the work tree is at)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from codehealth.core.boundary_records import BoundaryReport


@dataclass(frozen=True, slots=True)
class BoundarySummary:
    """Counted as ``codehealth boundaries`` counts them: ``violations`` is every boundary
    finding (public API, broken contracts' imports and cycles: CH301-CH309), ``by_rule``
    splits it (rule, count) by rule id; ``contracts`` are those checked."""

    violations: int
    cycles: int
    contracts_broken: int
    contracts: int
    modules: int
    by_rule: tuple[tuple[str, int], ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "violations": self.violations,
            "cycles": self.cycles,
            "contracts_broken": self.contracts_broken,
            "contracts": self.contracts,
            "modules": self.modules,
            "by_rule": dict(self.by_rule),
        }


def summarise_boundaries(report: BoundaryReport) -> BoundarySummary:
    rules = Counter(violation.finding.rule for violation in report.violations)
    return BoundarySummary(
        violations=len(report.violations),
        cycles=len(report.cycles),
        contracts_broken=sum(1 for contract in report.contracts if not contract.kept),
        contracts=len(report.contracts),
        modules=len(report.modules),
        by_rule=tuple(sorted(rules.items())),
    )
