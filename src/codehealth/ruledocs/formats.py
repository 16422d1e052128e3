"""``codehealth rules``: the catalogue as a table, and one rule's documentation."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from codehealth.core import Catalogue, LintCost, Rule
from codehealth.render import Cell, Table, render_plain, render_rich

# Where a team changes a measured rule's threshold.
_THRESHOLD_KEYS = {
    "cyclomatic": "cyclomatic",
    "cognitive": "cognitive",
    "nesting": "nesting",
    "parameters": "parameters",
    "function_length": "function_length",
    "file_lines": "file_lines",
    "maintainability": "maintainability",
}


# Verdicts on a change (`codehealth gate`), not findings of the code: they carry no cost.
_VERDICTS = "gate"


def _cost(rule: Rule) -> str:
    if rule.family == _VERDICTS:
        return "-"
    text = f"{rule.remediation_minutes:g} min"
    if rule.minutes_per_point:
        text += f" + {rule.minutes_per_point:g}/point"
    return text


def rules_tables(catalogue: Catalogue) -> tuple[list[Table], list[str], list[str]]:
    rows = [
        (
            Cell(rule.id),
            Cell(rule.name),
            Cell(rule.family),
            Cell(rule.severity),
            Cell("-" if rule.threshold is None else f"{rule.threshold:g}"),
            Cell(_cost(rule)),
            Cell(rule.summary),
        )
        for rule in catalogue.rules
    ]
    table = Table(
        "Rules",
        ("id", "name", "family", "severity", "threshold", "cost", "summary"),
        rows,
        frozenset({4}),
    )
    after = [
        "Lint findings (ruff, flake8) are priced by the lint cost model: "
        f"{len(catalogue.lint_costs)} codes and prefixes in rules/lint_costs.toml; "
        "`codehealth rules F401` shows one.",
        "`codehealth rules CH101` prints a rule's documentation.",
    ]
    return [table], [], after


def render_rules_text(catalogue: Catalogue) -> str:
    return render_plain(*rules_tables(catalogue))


def render_rules_rich(catalogue: Catalogue, width: int) -> str:
    return render_rich(*rules_tables(catalogue), width)


def render_rule_doc(rule: Rule) -> str:
    """One rule's documentation as text (markdown-friendly)."""
    out = [f"{rule.id} {rule.name} ({rule.family}, {rule.severity})", "", rule.summary, ""]
    out += ["Why it matters:", textwrap.indent(textwrap.fill(" ".join(rule.why.split()), 88), "  ")]
    out += ["", "Bad:", textwrap.indent(rule.bad.rstrip(), "    ")]
    out += ["", "Good:", textwrap.indent(rule.good.rstrip(), "    ")]
    if rule.fix:
        out += ["", f"Fix: {rule.fix}"]
    out.append("")
    if rule.threshold is not None:
        key = _THRESHOLD_KEYS.get(rule.metric)
        where = f" (change it: [tool.codehealth.thresholds] {key} = ...)" if key else ""
        out.append(f"{'Default threshold' if key else 'Threshold'}: {rule.threshold:g}{where}")
    if rule.family == _VERDICTS:
        out.append("Not debt: a verdict of `codehealth gate` on a change ([tool.codehealth.gate]).")
        return "\n".join(out) + "\n"
    cost = f"Remediation cost: {rule.remediation_minutes:g} min"
    if rule.minutes_per_point:
        cost += f" + {rule.minutes_per_point:g} min per point beyond the threshold"
    out.append(cost)
    overrides = f"[tool.codehealth.debt.costs] {rule.id} = ..."
    if rule.minutes_per_point is not None:
        overrides += f", [tool.codehealth.debt.minutes_per_point] {rule.id} = ..."
    out.append(f"Override: {overrides}")
    return "\n".join(out) + "\n"


def render_lint_cost(code: str, cost: LintCost, tool_default: bool) -> str:
    if cost.covered_by:
        return (
            f"{code}: not counted as lint: codehealth's rule {cost.covered_by} measures the "
            f"same problem ({cost.summary}). See `codehealth rules {cost.covered_by}`.\n"
        )
    source = "the tool's default cost" if tool_default else f"matched by {cost.match!r}"
    summary = f" ({cost.summary})" if cost.summary else ""
    return (
        f"{code}: lint code, {cost.remediation_minutes:g} min, {cost.severity}{summary}; "
        f"{source} in the lint cost model (rules/lint_costs.toml).\n"
        f"Override: [tool.codehealth.debt.costs] {code} = ...\n"
        f"Documentation: `ruff rule {code}` or your flake8 plugin's.\n"
    )


def rules_json(catalogue: Catalogue) -> str:
    def rule(r: Rule) -> dict[str, Any]:
        return {
            "id": r.id,
            "name": r.name,
            "family": r.family,
            "summary": r.summary,
            "why": r.why,
            "bad": r.bad,
            "good": r.good,
            "fix": r.fix,
            "severity": r.severity,
            "remediation_minutes": r.remediation_minutes,
            "threshold": r.threshold,
            "minutes_per_point": r.minutes_per_point,
        }

    document = {
        "rules": [rule(r) for r in catalogue.rules],
        "lint_costs": [
            {
                "match": c.match,
                "remediation_minutes": c.remediation_minutes,
                "severity": c.severity,
                "summary": c.summary,
                "covered_by": c.covered_by,
            }
            for c in catalogue.lint_costs
        ],
        "lint_defaults": {
            tool: {"remediation_minutes": c.remediation_minutes, "severity": c.severity}
            for tool, c in catalogue.lint_defaults
        },
    }
    return json.dumps(document, indent=2) + "\n"
