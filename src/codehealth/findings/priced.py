"""A finding of a catalogue rule, priced by the rule's cost model: the one place a measured
rule's finding is built (complexity, coverage, duplication)."""

from __future__ import annotations

from codehealth.core import Finding, Rule


def rule_finding(
    rule: Rule,
    path: str,
    lines: tuple[int, int],
    message: str,
    over: float = 0.0,
    symbol: str = "",
) -> Finding:
    """``rule``'s finding on ``lines`` (first, last; last 0: one line) of ``path``, priced
    ``over`` points beyond its threshold."""
    line, end_line = lines
    return Finding(
        rule.id,
        path,
        line,
        message,
        rule.severity,
        round(rule.cost(over), 2),
        symbol=symbol,
        end_line=end_line,
        fix=rule.fix,
    )
