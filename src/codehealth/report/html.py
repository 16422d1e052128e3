"""The HTML report: one self-contained page, ``assets/report.html`` filled by
``codehealth.render``'s ``html_page`` (ECharts and the data embedded, nothing fetched).
"""

from __future__ import annotations

import heapq
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from codehealth.core import BoundaryReport, FileMetrics, Violation
from codehealth.debt import DebtReport
from codehealth.history import HistoryRun
from codehealth.hotspots import HotspotsReport
from codehealth.plan import Plan
from codehealth.render import html_page
from codehealth.report.quality_data import coverage_data, duplication_data, with_coverage
from codehealth.review import ReviewsReport, reviews_summary
from codehealth.version import __version__

# Enough rows to find the worst functions, few enough for a page that opens quickly on a
# large project (Django: ~30 000 functions).
MAX_FUNCTIONS = 1000
MAX_GRAPH_MODULES = 150
MAX_MODULES = 40


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What the HTML report shows; ``None`` where that part could not be computed."""

    project: str
    generated: float  # seconds since the epoch
    debt: DebtReport
    metrics: Mapping[str, FileMetrics]
    hotspots: HotspotsReport | None
    boundaries: BoundaryReport | None
    plan: Plan | None
    history: HistoryRun | None
    notes: tuple[str, ...] = ()
    reviews: ReviewsReport | None = None  # the review habit (`codehealth reviews`)


def render_report_html(facts: ReportFacts) -> str:
    """The page, as one string."""
    template = resources.files("codehealth.report").joinpath("assets").joinpath("report.html")
    return html_page(template, f"codehealth report: {facts.project}", report_data(facts))


def report_data(facts: ReportFacts) -> dict[str, Any]:
    """The data the page shows (plain JSON types)."""
    debt, metrics = facts.debt, facts.metrics
    p = debt.project
    return {
        "project": facts.project,
        "version": __version__,
        "generated": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(facts.generated)),
        "debt": {
            "minutes": round(p.minutes, 1),
            "hours": round(p.hours, 1),
            "rating": p.rating,
            "ratio": round(p.ratio, 5),
            "findings": p.findings,
            "lines": p.source_lines,
            "files": len(metrics),
            "by_family": [[family, round(minutes, 1)] for family, minutes in p.by_family],
            **_test_debt(debt),
        },
        "trend": _trend(facts.history),
        "hotspots": _hotspots(facts.hotspots),
        "modules": [
            {
                "name": m.debt.name,
                "minutes": round(m.debt.minutes, 1),
                "rating": m.debt.rating,
                "findings": m.debt.findings,
                "lines": m.debt.source_lines,
            }
            for m in debt.modules[:MAX_MODULES]
        ],
        "functions": with_coverage(_functions(debt, metrics), debt, metrics),
        "boundaries": _boundaries(facts.boundaries),
        "duplication": duplication_data(debt, MAX_MODULES),
        "coverage": coverage_data(debt),
        "plan": _plan(facts.plan),
        "reviews": _reviews(facts.reviews),
        "notes": [
            *([] if metrics else ["no Python files found: nothing to measure"]),
            *facts.notes,
            *debt.incomplete,
            *debt.notes,
        ],
    }


def _test_debt(debt: DebtReport) -> dict[str, Any]:
    """The test debt, shown after the production debt (none when it is counted in)."""
    t = debt.test_debt
    if t is None or debt.tests_counted:
        return {"tests_counted": debt.tests_counted}
    return {"tests_counted": False, "test_hours": round(t.hours, 1), "test_findings": t.findings}


def _trend(history: HistoryRun | None) -> dict[str, Any]:
    if history is None:
        return {"points": [], "note": "no git history: no trend"}
    points = [
        {
            "sha": s.sha[:12],
            "date": time.strftime("%Y-%m-%d", time.gmtime(s.timestamp)),
            "debt_hours": round(s.totals.get("debt_minutes", 0.0) / 60, 2),
            "cognitive": s.totals.get("cognitive", 0.0),
            "findings": s.totals.get("findings", 0.0),
        }
        for s in history.snapshots
    ]
    note = "" if len(points) > 1 else "one recorded commit: no trend yet"
    return {"points": points, "note": note}


def _hotspots(report: HotspotsReport | None) -> dict[str, Any]:
    if report is None:
        return {"files": [], "note": "no git history: no hotspots"}
    files = [
        {
            "path": f.path,
            "revisions": f.revisions,
            "cognitive": f.cognitive,
            "debt": round(f.debt_minutes, 1),
            "hotspot": f.hotspot,
            "authors": f.authors,
            "test": f.test,
        }
        for f in report.files
    ]
    note = "" if files else f"no file changed in the window ({report.window})"
    return {"files": files, "window": report.window, "note": note}


def _functions(debt: DebtReport, metrics: Mapping[str, FileMetrics]) -> list[dict[str, Any]]:
    """Every function with its complexity and its debt, worst first (capped)."""
    owed: dict[tuple[str, str], float] = defaultdict(float)
    rules: dict[tuple[str, str], set[str]] = defaultdict(set)
    for finding in debt.findings:
        if finding.symbol:
            owed[finding.path, finding.symbol] += finding.remediation_minutes
            rules[finding.path, finding.symbol].add(finding.rule)
    rows = heapq.nsmallest(
        MAX_FUNCTIONS,
        (
            (-round(owed.get((path, fn.qualname), 0.0), 1), -fn.cognitive, path, fn.lineno, fn)
            for path, file in metrics.items()
            for fn in file.functions
        ),
        key=lambda row: row[:4],
    )
    return [
        {
            "name": fn.qualname,
            "path": path,
            "line": line,
            "cognitive": fn.cognitive,
            "cyclomatic": fn.cyclomatic,
            "debt": -debt,
            "rules": sorted(rules.get((path, fn.qualname), ())),
        }
        for debt, _, path, line, fn in rows
    ]


def _boundaries(report: BoundaryReport | None) -> dict[str, Any] | None:
    if report is None:
        return None
    return {
        "violations": [_violation(v) for v in report.violations],
        "contracts": [{"name": c.name, "type": c.type, "kept": c.kept} for c in report.contracts],
        "cycles": [list(c.path) for c in report.cycles],
        **_graph(report),
        "modules": len({m.name for m in report.modules}),
    }


def _violation(violation: Violation) -> dict[str, Any]:
    finding = violation.finding
    return {
        "rule": finding.rule,
        "path": finding.path,
        "line": finding.line,
        "importer": violation.importer,
        "target": violation.target,
        "message": finding.message,
    }


def _graph(report: BoundaryReport) -> dict[str, Any]:
    """The module graph: the most connected modules (capped) and the edges between them."""
    degree: dict[str, int] = defaultdict(int)
    for edge in report.edges:
        degree[edge.source] += len(edge.imports)
        degree[edge.target] += len(edge.imports)
    names = {m.name for m in report.modules}
    kept = sorted(names, key=lambda n: (-degree[n], n))[:MAX_GRAPH_MODULES]
    shown = set(kept)
    violated = {(v.importer, v.target) for v in report.violations}
    return {
        "nodes": [{"name": n, "degree": degree[n]} for n in kept],
        "edges": [
            {
                "source": e.source,
                "target": e.target,
                "imports": len(e.imports),
                "violation": (e.source, e.target) in violated,
            }
            for e in report.edges
            if e.source in shown and e.target in shown and e.source != e.target
        ],
    }


def _reviews(report: ReviewsReport | None) -> dict[str, Any]:
    """The review habit per month, as ``codehealth reviews`` shows it."""
    if report is None:
        return {"months": [], "summary": "no git history: no review habit"}
    months = [
        {
            "month": m.month,
            "changes": m.changes,
            "lightweight": m.lightweight,
            "careful": m.careful,
            "design": m.design,
            "design_percent": round(m.design_share * 100),
            "vs_target": m.vs_target,
            "hotspot": m.hotspot_changes,
            "api": m.api_changes,
            "top_api_package": m.top_api_package,
        }
        for m in report.months
    ]
    return {"summary": reviews_summary(report), "months": months}


def _plan(plan: Plan | None) -> dict[str, Any]:
    if plan is None:
        return {"targets": [], "message": "no git history: no refactor plan"}
    return {
        "mode": plan.mode,
        "budget_hours": round(plan.budget_minutes / 60, 1),
        "candidates": plan.candidates,
        "message": plan.message,
        "targets": [
            {
                "session": session.name,
                "path": t.path,
                "symbol": t.symbol,
                "line": t.line,
                "effort": round(t.effort_minutes, 1),
                "changes": t.changes,
                "payoff": round(t.payoff, 1),
                "rules": list(t.rules),
                "refactorings": list(t.refactorings),
                "experts": list(t.experts),
            }
            for session in plan.sessions
            for t in session.targets
        ],
    }
