"""``codehealth plan`` as tables, a markdown agenda, CSV and JSON."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from typing import Any

from codehealth.plan.budget import format_minutes
from codehealth.plan.schedule import Plan
from codehealth.plan.targets import PlanTarget
from codehealth.render import Cell, Table, json_text, md_code, md_text, render_plain, render_rich

PLAN_SCHEMA_VERSION = 1


def _heading(plan: Plan) -> list[str]:
    planned = plan.planned
    lines = [
        f"refactor plan ({plan.mode}): {format_minutes(plan.budget_minutes)} budget, "
        f"{len(planned)} of {plan.candidates} targets planned, "
        f"{format_minutes(sum(t.effort_minutes for t in planned))} of work; "
        f"changes in the window {plan.window}"
    ]
    if plan.message:
        lines.append(plan.message)
    return lines


def _tables(plan: Plan) -> list[Table]:
    tables = []
    for session in plan.sessions:
        rows = [
            (
                Cell(target.name),
                Cell(format_minutes(target.effort_minutes)),
                Cell(str(target.changes)),
                Cell(f"{target.payoff:.0f}"),
                Cell(", ".join(target.refactorings)),
                Cell(", ".join(target.experts[:2])),
            )
            for target in session.targets
        ]
        tables.append(
            Table(
                f"{session.name}: {format_minutes(session.used_minutes)} of "
                f"{format_minutes(session.budget_minutes)}",
                ("target", "effort", "changes", "payoff", "what to do", "who knows it"),
                rows,
                numeric=frozenset({1, 2, 3}),
            )
        )
    return tables


def _after(plan: Plan, notes: tuple[str, ...]) -> list[str]:
    lines = []
    if plan.left_out:
        best = plan.left_out[0]
        lines.append(
            f"{len(plan.left_out)} targets left for later; the next best: {best.name} "
            f"({format_minutes(best.effort_minutes)}, payoff {best.payoff:.0f})"
        )
    lines.append("payoff = changes in the window x debt minutes; effort = remediation minutes")
    lines.extend(f"note: {note}" for note in notes)
    return lines


def render_plan_text(plan: Plan, notes: tuple[str, ...] = ()) -> str:
    return render_plain(_tables(plan), _heading(plan), _after(plan, notes))


def render_plan_rich(plan: Plan, notes: tuple[str, ...], width: int) -> str:
    return render_rich(_tables(plan), _heading(plan), _after(plan, notes), width)


def render_plan_markdown(plan: Plan, notes: tuple[str, ...] = ()) -> str:
    out = ["# Refactor plan", "", *(f"{line}  " for line in _heading(plan)), ""]
    for session in plan.sessions:
        out.append(
            f"## {session.name.capitalize()} ({format_minutes(session.used_minutes)} of "
            f"{format_minutes(session.budget_minutes)})"
        )
        out.append("")
        if not session.targets:
            out.append("Nothing fits in this session.")
            out.append("")
        for number, target in enumerate(session.targets, 1):
            out.extend(_agenda_item(number, target))
    if plan.left_out:
        out.append("## Left for later")
        out.append("")
        out.extend(
            f"- {md_code(t.name)} — {format_minutes(t.effort_minutes)}, payoff {t.payoff:.0f}"
            for t in plan.left_out[:10]
        )
        out.append("")
    out.extend(f"> {md_text(note)}" for note in notes)
    return "\n".join(out).rstrip() + "\n"


def _agenda_item(number: int, target: PlanTarget) -> list[str]:
    who = ", ".join(map(md_text, target.experts)) or "nobody in the history"
    lines = [
        f"{number}. **{md_code(target.name)}** (line {target.line}) — "
        f"{format_minutes(target.effort_minutes)}, changed {target.changes} times in the window, "
        f"payoff {target.payoff:.0f}",
        f"   - what to do: {', '.join(target.refactorings)} ({', '.join(target.rules)})",
    ]
    lines.extend(f"     - {md_text(fix)}" for fix in target.fixes)
    lines.append(f"   - who knows it best: {who}")
    return [*lines, ""]


def render_plan_csv(plan: Plan) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "session",
            "path",
            "symbol",
            "line",
            "effort_minutes",
            "changes",
            "payoff",
            "rules",
            "refactorings",
            "experts",
        ]
    )
    for session in plan.sessions:
        for t in session.targets:
            writer.writerow(
                [
                    session.name,
                    t.path,
                    t.symbol,
                    t.line,
                    f"{t.effort_minutes:g}",
                    t.changes,
                    f"{t.payoff:g}",
                    " ".join(t.rules),
                    "; ".join(t.refactorings),
                    "; ".join(t.experts),
                ]
            )
    return buffer.getvalue()


def plan_document(plan: Plan, notes: tuple[str, ...] = ()) -> dict[str, Any]:
    document = asdict(plan)
    document["schema_version"] = PLAN_SCHEMA_VERSION
    document["notes"] = list(notes)
    return document


def render_plan_json(plan: Plan, notes: tuple[str, ...] = (), pretty: bool = False) -> str:
    return json_text(plan_document(plan, notes), pretty)
