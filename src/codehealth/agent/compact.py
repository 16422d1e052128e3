"""Results shaped for a model's context: counts first, the worst items first, at most
``limit`` of each list (then how many more), paths relative to the project. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from codehealth.core import FileMetrics, FunctionMetrics, NotAnalysed, ThresholdViolation

if TYPE_CHECKING:
    from codehealth.gate import GateReport
    from codehealth.hotspots import HotspotsReport
    from codehealth.plan import Plan

Result = dict[str, Any]
MAX_LIMIT = 200  # the largest list any tool returns, whatever the caller asks


def _notes(notes: Sequence[str], limit: int) -> Result:
    """The notes, when there are any (an empty list would only cost the model's context)."""
    return first("notes", notes, limit) if notes else {}


def first(name: str, items: Sequence[Any], limit: int) -> Result:
    """``{name: items[:limit]}``, plus ``{name}_more``: how many were left out (when any)."""
    kept = max(0, min(limit, MAX_LIMIT))
    shown: Result = {name: list(items[:kept])}
    if len(items) > kept:
        shown[f"{name}_more"] = len(items) - kept
    return shown


def error(message: str) -> Result:
    return {"error": message}


def _excess(violation: ThresholdViolation) -> float:
    """How far past its limit a measure is, as a share of the limit (maintainability is
    a floor: the lower, the worse)."""
    if violation.metric == "maintainability":
        return (violation.limit - violation.value) / max(violation.limit, 1.0)
    return (violation.value - violation.limit) / max(violation.limit, 1.0)


def worst_violations(violations: Iterable[ThresholdViolation]) -> list[ThresholdViolation]:
    return sorted(violations, key=lambda v: (-_excess(v), v.line))


def _function(fn: FunctionMetrics) -> Result:
    return {
        "name": fn.qualname,
        "line": fn.lineno,
        "cyclomatic": fn.cyclomatic,
        "cognitive": fn.cognitive,
        "nesting": fn.max_nesting,
        "parameters": fn.parameters,
        "length": fn.length,
    }


def _violation(v: ThresholdViolation, rule: str) -> Result:
    where = {"symbol": v.symbol} if v.symbol else {}
    figures = {"metric": v.metric, "value": v.value, "limit": v.limit, "line": v.line}
    return {"rule": rule, **figures, **where}


def measured(
    metrics: FileMetrics | NotAnalysed,
    violations: Sequence[ThresholdViolation],
    rules: dict[str, str],
    limit: int,
) -> Result:
    """One file's figures: the violations worst first, the functions most complex first.
    ``rules``: threshold name -> the rule that reports it."""
    if isinstance(metrics, NotAnalysed):
        why = {"rule": metrics.rule, "reason": metrics.reason}
        return {"path": metrics.path, "analysed": False, **why}
    functions = sorted(metrics.functions, key=lambda f: (-f.cyclomatic, -f.cognitive, f.lineno))
    worst = worst_violations(violations)
    return {
        "path": metrics.path,
        "passed": not violations,
        "violations_count": len(violations),
        "functions_count": len(functions),
        "lines": metrics.lines.total,
        "cyclomatic": metrics.cyclomatic,
        "cognitive": metrics.cognitive,
        "maintainability": round(metrics.maintainability, 1),
        **first("violations", [_violation(v, rules.get(v.metric, "")) for v in worst], limit),
        **first("functions", [_function(fn) for fn in functions], limit),
    }


def _relative(path: str, prefix: str) -> str:
    """A repository-relative path as the project's (``prefix``: the project's folder)."""
    return path[len(prefix) :] if prefix and path.startswith(prefix) else path


def gate(report: GateReport, prefix: str, limit: int) -> Result:
    """The gate's verdict: failures first, then warnings; the touched files, most debt
    added first."""
    problems = [
        {
            "level": p.level,
            "rule": p.finding.rule,
            "path": _relative(p.finding.path, prefix),
            "line": p.finding.line,
            **({"symbol": p.finding.symbol} if p.finding.symbol else {}),
            "message": p.finding.message,
        }
        for p in report.problems
    ]
    files = sorted(report.files, key=lambda s: s.debt_before - s.debt_after)
    touched = [
        {
            "path": _relative(s.path or s.old_path, prefix),
            "status": s.status,
            "debt_minutes": [round(s.debt_before, 1), round(s.debt_after, 1)],
            "new_findings": s.new_findings,
            "fixed_findings": s.fixed_findings,
        }
        for s in files
    ]
    return {
        "passed": report.passed,
        "compared": f"{report.base} -> {report.head}",
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "changed_files": report.changed_files,
        "changed_lines": report.changed_lines,
        **first("problems", problems, limit),
        **first("files", touched, limit),
        **_notes(report.notes, limit),
    }


def hotspots(report: HotspotsReport, limit: int) -> Result:
    """The files changed in the window, hottest first (``hotspot``: among the worst), and
    the hottest functions inside the hotspots."""
    files = [
        {
            "path": f.path,
            "score": round(f.score, 2),
            "changes": f.revisions,
            "cognitive": f.cognitive,
            "cyclomatic": f.cyclomatic,
            "debt_minutes": round(f.debt_minutes, 1),
            "hotspot": f.hotspot,
            "reasons": list(f.reasons),
        }
        for f in report.files
    ]
    functions = [
        {
            "path": f.path,
            "name": f.qualname,
            "line": f.line,
            "changes": f.changes,
            "cognitive": f.cognitive,
            "cyclomatic": f.cyclomatic,
            "score": round(f.score, 2),
        }
        for f in report.functions
    ]
    return {
        "window": report.window,
        "commits": report.window_commits,
        "hotspots_count": len(report.hotspots),
        **first("files", files, limit),
        **first("functions", functions, limit),
        **_notes(report.notes, limit),
    }


def plan(schedule: Plan, limit: int) -> Result:
    """The planned targets in their order (best payoff first), each with its effort."""
    targets = [
        {
            "target": t.name,
            "line": t.line,
            "effort_minutes": round(t.effort_minutes, 1),
            "payoff": round(t.payoff, 1),
            "rules": list(t.rules),
            "refactorings": list(t.refactorings),
        }
        for t in schedule.planned
    ]
    return {
        "budget_minutes": round(schedule.budget_minutes, 1),
        "used_minutes": round(sum(t.effort_minutes for t in schedule.planned), 1),
        "candidates": schedule.candidates,
        "left_out": len(schedule.left_out),
        **first("targets", targets, limit),
        **({"message": schedule.message} if schedule.message else {}),
    }
