"""The rule catalogue as values: documented rules and the lint cost model."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Rule:
    """One documented codehealth rule (``CH101``) and its default cost.

    ``threshold`` and ``minutes_per_point`` apply to measured rules: the cost of a finding is
    ``remediation_minutes + minutes_per_point * (value - threshold)``.
    """

    id: str
    name: str
    family: str
    summary: str
    why: str
    bad: str
    good: str
    severity: str
    remediation_minutes: float
    fix: str = ""
    metric: str = ""
    pattern: str = ""
    threshold: float | None = None
    minutes_per_point: float | None = None

    def cost(self, points_over: float = 0.0) -> float:
        """Remediation minutes for a finding ``points_over`` beyond the threshold."""
        return self.remediation_minutes + (self.minutes_per_point or 0.0) * max(points_over, 0.0)


@dataclass(frozen=True, slots=True)
class LintCost:
    """The cost of lint codes starting with ``match`` (a code or a prefix)."""

    match: str
    remediation_minutes: float = 0.0
    severity: str = "minor"
    summary: str = ""
    covered_by: str = ""  # a codehealth rule that counts the same problem: drop the finding


@dataclass(frozen=True, slots=True)
class Catalogue:
    rules: tuple[Rule, ...]
    lint_costs: tuple[LintCost, ...]
    lint_defaults: tuple[tuple[str, LintCost], ...]  # tool -> default cost

    def rule(self, rule_id: str) -> Rule | None:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        return None

    def family(self, family: str) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.family == family)

    def lint_cost(self, tool: str, code: str) -> LintCost:
        """The longest matching entry for ``code``; the tool's default when none matches."""
        best: LintCost | None = None
        for entry in self.lint_costs:
            longer = best is None or len(entry.match) > len(best.match)
            if longer and code.startswith(entry.match):
                best = entry
        if best is not None:
            return best
        defaults = dict(self.lint_defaults)
        return defaults.get(tool) or LintCost("", 5.0)


def apply_overrides(
    catalogue: Catalogue,
    costs: Mapping[str, float],
    minutes_per_point: Mapping[str, float],
) -> tuple[Catalogue, list[str]]:
    """The catalogue with a team's costs; also the override keys naming no rule.

    A key ``CH...`` names a rule; any other key is a lint code or prefix (``F401``, ``E``,
    also written ``ruff:F401``); it applies to that code from every linter.
    """
    unknown = [
        key for key in (*costs, *minutes_per_point) if _is_rule_id(key) and not catalogue.rule(key)
    ]
    unknown += [key for key in minutes_per_point if not _is_rule_id(key)]
    rules = tuple(
        replace(
            rule,
            remediation_minutes=costs.get(rule.id, rule.remediation_minutes),
            minutes_per_point=minutes_per_point.get(rule.id, rule.minutes_per_point),
        )
        for rule in catalogue.rules
    )
    lint_costs = _overridden_lint_costs(catalogue.lint_costs, costs)
    return replace(catalogue, rules=rules, lint_costs=lint_costs), unknown


def _overridden_lint_costs(
    lint_costs: tuple[LintCost, ...], costs: Mapping[str, float]
) -> tuple[LintCost, ...]:
    """The lint costs with the team's minutes for each lint code or prefix ``costs`` names
    (a new entry for a code the catalogue has none for)."""
    by_match = {entry.match: entry for entry in lint_costs}
    for written, minutes in costs.items():
        if _is_rule_id(written):
            continue
        key = written.partition(":")[2] or written  # "ruff:F401" means "F401"
        old = by_match.get(key)
        by_match[key] = (
            replace(old, remediation_minutes=minutes, covered_by="")
            if old
            else LintCost(key, minutes, summary="[tool.codehealth.debt.costs]")
        )
    return tuple(by_match.values())


def _is_rule_id(key: str) -> bool:
    return key.startswith("CH") and key[2:].isdigit()
