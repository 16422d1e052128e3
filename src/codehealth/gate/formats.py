"""The gate's verdict as text (terminal or pipe), markdown and JSON. Strings only."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from codehealth.gate.coverage_formats import (
    coverage_document,
    coverage_markdown_lines,
    coverage_text_lines,
)
from codehealth.gate.report import ERROR, FileSummary, GateReport, Problem
from codehealth.render import md_code, md_text
from codehealth.review import review_document, review_markdown_lines, review_text_lines

GATE_SCHEMA_VERSION = 1


def _minutes(value: float) -> str:
    return f"{value:.0f} min" if value < 120 else f"{value / 60:.1f} h"


def _where(problem: Problem) -> str:
    finding = problem.finding
    if not finding.path:
        return "(change)"
    return f"{finding.path}:{finding.line}" if finding.line else finding.path


def _verdict(report: GateReport) -> str:
    if report.passed:
        return "PASSED"
    if not report.errors and report.review is not None:
        return f"FAILED: review level {report.review.level.level} (fail_at {report.review.fail_at})"
    return f"FAILED: {len(report.errors)} problem(s)"


def _file_name(summary: FileSummary) -> str:
    """The file's path; a renamed one's as ``old → new``."""
    if summary.status == "R" and summary.old_path != summary.path:
        return f"{summary.old_path} → {summary.path}"
    return summary.path or summary.old_path


def _file_line(summary: FileSummary) -> str:
    name = _file_name(summary)
    status = {"A": "added", "D": "deleted", "R": "renamed"}.get(summary.status, "modified")
    return (
        f"{name} ({status}): debt {_minutes(summary.debt_before)} → "
        f"{_minutes(summary.debt_after)}, {summary.new_findings} new, "
        f"{summary.fixed_findings} fixed"
    )


def render_gate_text(report: GateReport) -> str:
    """Plain text: the verdict, each problem, then each touched file's debt."""
    lines = [
        f"codehealth gate: {report.base} → {report.head} "
        f"({report.changed_files} file(s), {report.changed_lines} changed line(s))",
    ]
    for problem in report.problems:
        finding = problem.finding
        lines.append(
            f"  {problem.level.upper():7} {_where(problem)}  {finding.rule}  {finding.message}"
        )
    if report.files:
        lines.append("Touched files:")
        for summary in report.files:
            lines.append(f"  {_file_line(summary)}")
            lines.extend(f"    better: {words}" for words in summary.improvements)
    lines.extend(coverage_text_lines(report.coverage))
    lines.extend(review_text_lines(report.review))
    lines.extend(f"note: {note}" for note in report.notes)
    lines.append(_verdict(report))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return md_text(text)


def render_gate_markdown(report: GateReport) -> str:
    """A pull-request comment or ``$GITHUB_STEP_SUMMARY``."""
    mark = "✅" if report.passed else "❌"
    lines = [
        f"## {mark} codehealth gate: {_verdict(report)}",
        "",
        f"Compared {_cell(report.base)} with {_cell(report.head)}: "
        f"{report.changed_files} file(s), {report.changed_lines} changed line(s).",
        "",
    ]
    if report.problems:
        lines += _problems_table(report.problems)
    if report.files:
        lines += _files_table(report.files)
    lines += coverage_markdown_lines(report.coverage)
    lines += review_markdown_lines(report.review)
    lines += [f"> {_cell(note)}" for note in report.notes]
    return "\n".join(lines).rstrip("\n") + "\n"


def _problems_table(problems: Sequence[Problem]) -> list[str]:
    lines = ["| Level | Where | Rule | Problem |", "|---|---|---|---|"]
    lines += [
        f"| {p.level} | {md_code(_where(p), table=True)} | {md_text(p.finding.rule)} "
        f"| {md_text(p.finding.message)} |"
        for p in problems
    ]
    return [*lines, ""]


def _files_table(files: Sequence[FileSummary]) -> list[str]:
    """Each touched file's debt, then what got better (when anything did)."""
    lines = ["| File | Debt before | Debt after | New | Fixed |", "|---|---:|---:|---:|---:|"]
    lines += [
        f"| {md_code(_file_name(s), table=True)} | {_minutes(s.debt_before)} "
        f"| {_minutes(s.debt_after)} "
        f"| {s.new_findings} | {s.fixed_findings} |"
        for s in files
    ]
    better = [(s.path or s.old_path, w) for s in files for w in s.improvements]
    if better:
        lines += ["", "**What got better:**", ""]
        lines += [f"- {md_code(path)}: {md_text(words)}" for path, words in better]
    return [*lines, ""]


def gate_document(report: GateReport) -> dict[str, Any]:
    return {
        "schema_version": GATE_SCHEMA_VERSION,
        "mode": report.mode,
        "base": report.base,
        "head": report.head,
        "passed": report.passed,
        "changed_files": report.changed_files,
        "changed_lines": report.changed_lines,
        "problems": [
            {
                "level": p.level,
                "kind": p.kind,
                "rule": p.finding.rule,
                "path": p.finding.path,
                "line": p.finding.line,
                "symbol": p.finding.symbol,
                "message": p.finding.message,
                "fingerprint": p.finding.fingerprint,
                "fails": p.level == ERROR,
            }
            for p in report.problems
        ],
        "files": [
            {
                "path": s.path,
                "old_path": s.old_path,
                "status": s.status,
                "debt_before_minutes": s.debt_before,
                "debt_after_minutes": s.debt_after,
                "new_findings": s.new_findings,
                "fixed_findings": s.fixed_findings,
                "improvements": list(s.improvements),
            }
            for s in report.files
        ],
        "coverage": coverage_document(report.coverage),
        "review": review_document(report.review),
        "notes": list(report.notes),
    }


def render_gate_json(report: GateReport) -> str:
    return json.dumps(gate_document(report), indent=2, ensure_ascii=False) + "\n"


FORMATS: dict[str, Callable[[GateReport], str]] = {
    "table": render_gate_text,
    "markdown": render_gate_markdown,
    "json": render_gate_json,
}
