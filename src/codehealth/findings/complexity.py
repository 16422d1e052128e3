"""Complexity findings: a scan's measures beyond their thresholds, priced by the catalogue."""

from __future__ import annotations

from collections.abc import Iterable

from codehealth.core import Catalogue, FileMetrics, Finding, Rule, Thresholds
from codehealth.findings.priced import rule_finding

# rule id -> (threshold field, what the message calls it)
_FUNCTION_RULES = (
    ("CH101", "cyclomatic", "cyclomatic complexity"),
    ("CH102", "cognitive", "cognitive complexity"),
    ("CH103", "nesting", "nesting depth"),
    ("CH104", "parameters", "parameters"),
    ("CH105", "function_length", "lines"),
)


def complexity_findings(
    files: Iterable[FileMetrics], limits: Thresholds, catalogue: Catalogue
) -> list[Finding]:
    """Findings of CH101 to CH107 for every file (fingerprints are added later)."""
    rules = {rule_id: catalogue.rule(rule_id) for rule_id in (*_ids(), "CH106", "CH107")}
    found: list[Finding] = []
    for metrics in files:
        found.extend(_file_findings(metrics, limits, rules))
        for fn in metrics.functions:
            values = (fn.cyclomatic, fn.cognitive, fn.max_nesting, fn.parameters, fn.length)
            for (rule_id, field, label), value in zip(_FUNCTION_RULES, values, strict=True):
                limit = getattr(limits, field)
                rule = rules[rule_id]
                if rule is None or value <= limit:
                    continue
                message = f"{fn.qualname}: {label} {value} > {limit}"
                span = (fn.lineno, fn.end_lineno)
                found.append(
                    rule_finding(rule, metrics.path, span, message, value - limit, fn.qualname)
                )
    return found


def _ids() -> tuple[str, ...]:
    return tuple(rule_id for rule_id, _, _ in _FUNCTION_RULES)


def _file_findings(
    metrics: FileMetrics, limits: Thresholds, rules: dict[str, Rule | None]
) -> list[Finding]:
    found: list[Finding] = []
    large, low_mi = rules["CH106"], rules["CH107"]
    if large is not None and metrics.lines.total > limits.file_lines:
        over = metrics.lines.total - limits.file_lines
        message = f"{metrics.lines.total} lines > {limits.file_lines}"
        found.append(rule_finding(large, metrics.path, (1, 0), message, over))
    if low_mi is not None and metrics.maintainability < limits.maintainability:
        under = limits.maintainability - metrics.maintainability
        message = f"maintainability index {metrics.maintainability:.1f} < {limits.maintainability}"
        found.append(rule_finding(low_mi, metrics.path, (1, 0), message, under))
    return found


FILE_LEVEL_RULES = frozenset({"CH106", "CH107"})
