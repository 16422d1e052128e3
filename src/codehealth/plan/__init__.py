"""Refactor planning: hotspots and debt turned into a schedule that fits a time budget.

Pure: values in, values out (``codehealth.app.run_plan`` feeds it).
"""

from codehealth.plan.budget import (
    BUDGET_FORMS,
    CAPACITY_FORMS,
    MINUTES,
    format_minutes,
    parse_capacity,
    parse_duration,
)
from codehealth.plan.knapsack import choose
from codehealth.plan.schedule import Plan, Session, make_plan
from codehealth.plan.targets import REFACTORINGS, Candidate, PlanTarget, build_targets

__all__ = [
    "BUDGET_FORMS",
    "CAPACITY_FORMS",
    "MINUTES",
    "REFACTORINGS",
    "Candidate",
    "Plan",
    "PlanTarget",
    "Session",
    "build_targets",
    "choose",
    "format_minutes",
    "make_plan",
    "parse_capacity",
    "parse_duration",
]
