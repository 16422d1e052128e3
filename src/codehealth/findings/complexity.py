"""Complexity findings: a scan's measures beyond their thresholds, priced by the catalogue."""

from __future__ import annotations

from collections.abc import Iterable

from codehealth.core import Catalogue, FileMetrics, Finding, Rule, Thresholds

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
                found.append(
                    Finding(
                        rule=rule_id,
                        path=metrics.path,
                        line=fn.lineno,
                        message=f"{fn.qualname}: {label} {value} > {limit}",
                        severity=rule.severity,
                        remediation_minutes=round(rule.cost(value - limit), 2),
                        symbol=fn.qualname,
                        end_line=fn.end_lineno,
                        fix=rule.fix,
                    )
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
        found.append(
            Finding(
                "CH106",
                metrics.path,
                1,
                f"{metrics.lines.total} lines > {limits.file_lines}",
                large.severity,
                round(large.cost(over), 2),
                fix=large.fix,
            )
        )
    if low_mi is not None and metrics.maintainability < limits.maintainability:
        under = limits.maintainability - metrics.maintainability
        found.append(
            Finding(
                "CH107",
                metrics.path,
                1,
                f"maintainability index {metrics.maintainability:.1f} < {limits.maintainability}",
                low_mi.severity,
                round(low_mi.cost(under), 2),
                fix=low_mi.fix,
            )
        )
    return found


FILE_LEVEL_RULES = frozenset({"CH106", "CH107"})
