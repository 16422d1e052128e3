"""Raw hits from a tool (ruff, flake8, the marker scan) and how they become costed Findings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from codehealth.core.catalogue import Catalogue, LintCost
from codehealth.core.findings import Finding


class Hit(NamedTuple):
    """One raw report of a tool at one place, before the cost model prices it.

    ``code`` is the tool's code (``F401``) or a catalogue rule id (``CH201``) for markers.
    """

    code: str
    line: int
    column: int
    end_line: int
    message: str


def price_lint_hits(
    tool: str,
    path: str,
    hits: Iterable[Hit],
    catalogue: Catalogue,
    memo: dict[tuple[str, str], LintCost] | None = None,
) -> list[Finding]:
    """Lint hits as Findings named ``tool:CODE``; codes a codehealth rule covers are dropped.

    ``memo`` keeps each code's cost across calls (a project has few codes, many hits)."""
    memo = {} if memo is None else memo
    found: list[Finding] = []
    for hit in hits:
        cost = memo.get((tool, hit.code))
        if cost is None:
            cost = memo[(tool, hit.code)] = catalogue.lint_cost(tool, hit.code)
        if cost.covered_by:
            continue
        found.append(
            Finding(
                rule=f"{tool}:{hit.code}",
                path=path,
                line=hit.line,
                message=hit.message,
                severity=cost.severity,
                remediation_minutes=cost.remediation_minutes,
                column=hit.column,
                end_line=hit.end_line,
            )
        )
    return found


def price_rule_hits(path: str, hits: Iterable[Hit], catalogue: Catalogue) -> list[Finding]:
    """Hits of catalogue rules (markers) as Findings priced by the catalogue."""
    found: list[Finding] = []
    for hit in hits:
        rule = catalogue.rule(hit.code)
        if rule is None:
            continue
        found.append(
            Finding(
                rule=rule.id,
                path=path,
                line=hit.line,
                message=hit.message,
                severity=rule.severity,
                remediation_minutes=rule.cost(),
                column=hit.column,
                end_line=hit.end_line,
                fix=rule.fix,
            )
        )
    return found
