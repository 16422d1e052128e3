"""The refactor plan: targets chosen to maximise payoff within the budget, grouped in sprints
(or one refactorathon day)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from codehealth.plan.budget import format_minutes
from codehealth.plan.knapsack import choose
from codehealth.plan.targets import PlanTarget


@dataclass(frozen=True, slots=True)
class Session:
    """One sprint (or the refactorathon day): its budget and the targets in it."""

    name: str
    budget_minutes: float
    targets: tuple[PlanTarget, ...]

    @property
    def used_minutes(self) -> float:
        return sum(t.effort_minutes for t in self.targets)

    @property
    def payoff(self) -> float:
        return sum(t.payoff for t in self.targets)


@dataclass(frozen=True, slots=True)
class Plan:
    mode: str  # "budget", "sprints" or "refactorathon"
    budget_minutes: float
    sessions: tuple[Session, ...]
    candidates: int  # targets that changed in the window and carry debt
    left_out: tuple[PlanTarget, ...]  # candidates not planned, best payoff first
    window: str
    message: str  # why the plan is empty, or ""

    @property
    def planned(self) -> tuple[PlanTarget, ...]:
        return tuple(t for s in self.sessions for t in s.targets)


def make_plan(
    targets: Sequence[PlanTarget],
    budgets: Sequence[float],
    mode: str,
    window: str,
) -> Plan:
    """Fill the sessions (one per budget, in minutes) one after the other: each is an exact
    knapsack over what is left, so the best payoff comes first."""
    remaining = list(targets)
    planned: list[Session] = []
    sessions = len(budgets)
    for number, session_minutes in enumerate(budgets, 1):
        picked = choose(
            [t.effort_minutes for t in remaining], [t.payoff for t in remaining], session_minutes
        )
        chosen = [remaining[i] for i in picked]
        chosen.sort(key=lambda t: (-t.payoff / t.effort_minutes, t.path, t.line))
        name = _name(mode, number, sessions)
        planned.append(Session(name, session_minutes, tuple(chosen)))
        taken = set(picked)
        remaining = [t for i, t in enumerate(remaining) if i not in taken]
    remaining.sort(key=lambda t: (-t.payoff, t.path, t.line))
    return Plan(
        mode,
        sum(budgets),
        tuple(planned),
        len(targets),
        tuple(remaining),
        window,
        _message(targets, max(budgets, default=0.0), planned),
    )


def _name(mode: str, number: int, sessions: int) -> str:
    if mode == "refactorathon":
        return "refactorathon day"
    if mode == "sprints":
        return f"sprint {number}"
    return "budget" if sessions == 1 else f"part {number}"


def _message(targets: Sequence[PlanTarget], minutes: float, planned: list[Session]) -> str:
    if any(s.targets for s in planned):
        return ""
    if not targets:
        return (
            "nothing to plan: no file or function with debt changed in the window "
            "(debt in code nobody changes costs little day to day)"
        )
    smallest = min(t.effort_minutes for t in targets)
    return (
        f"empty plan: the budget ({format_minutes(minutes)}) is smaller than the smallest "
        f"target ({format_minutes(smallest)}); raise the budget to at least that"
    )
