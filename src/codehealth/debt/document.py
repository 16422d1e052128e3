"""``codehealth debt --format json``: the document (schema in debt.schema.json)."""

from __future__ import annotations

from typing import Any

from codehealth.core import Finding
from codehealth.debt.covered import coverage_document, module_coverage
from codehealth.debt.report import RATINGS, Debt, DebtReport, Target
from codehealth.duplication import duplication_document
from codehealth.render import json_text
from codehealth.version import __version__

# 2: coverage (per module and in total), rule CH601 in "coverage"; duplication, CH701
DEBT_SCHEMA_VERSION = 2


def render_debt_json(report: DebtReport, pretty: bool = False) -> str:
    return json_text(debt_document(report), pretty)


def debt_document(report: DebtReport) -> dict[str, Any]:
    return {
        "schema_version": DEBT_SCHEMA_VERSION,
        "tool": {"name": "codehealth", "version": __version__},
        "complete": not report.incomplete,
        "incomplete": list(report.incomplete),
        "model": {
            "minutes_per_line": report.minutes_per_line,
            "ratings": {letter: bound for letter, bound in RATINGS},
        },
        "project": _debt(report.project),
        "coverage": coverage_document(report.coverage),
        "modules": [
            {
                **_debt(m.debt),
                "coverage": module_coverage(report.coverage, m.debt.name),
                "top_files": [_debt(f) for f in m.top_files],
                "fix_first": [_target(t) for t in m.fix_first],
            }
            for m in report.modules
        ],
        "files": [_debt(f) for f in report.files],
        "fix_first": [_target(t) for t in report.fix_first],
        "findings": [_finding(f) for f in report.findings],
        "notes": list(report.notes),
        "duplication": duplication_document(report.duplication, (), report.total_lines),
        **_test_document(report),
    }


def _test_document(report: DebtReport) -> dict[str, Any]:
    if report.test_debt is None:
        return {}
    return {
        "test_debt": _debt(report.test_debt),
        "test_debt_counted": report.tests_counted,
        "test_fix_first": [_target(t) for t in report.test_targets[:10]],
        "test_findings": [_finding(f) for f in report.test_findings],
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "symbol": f.symbol,
        "message": f.message,
        "severity": f.severity,
        "remediation_minutes": f.remediation_minutes,
        "fix": f.fix,
        "fingerprint": f.fingerprint,
    }


def _debt(debt: Debt) -> dict[str, Any]:
    return {
        "name": debt.name,
        "minutes": debt.minutes,
        "hours": round(debt.hours, 2),
        "source_lines": debt.source_lines,
        "findings": debt.findings,
        "ratio": round(debt.ratio, 5),
        "rating": debt.rating,
        "by_family": {family: round(minutes, 2) for family, minutes in debt.by_family},
    }


def _target(t: Target) -> dict[str, Any]:
    return {
        "path": t.path,
        "symbol": t.symbol,
        "line": t.line,
        "minutes": t.minutes,
        "severity": t.severity,
        "rules": list(t.rules),
        "fix": t.fix,
    }
