"""``codehealth plan``: a refactor schedule that fits a time budget."""

from codehealth.plan.run import (
    Budget as Budget,
)
from codehealth.plan.run import (
    plan_from as plan_from,
)
from codehealth.plan.run import (
    read_budget as read_budget,
)
from codehealth.plan.schedule import (
    Plan as Plan,
)

__all__ = [
    "Budget",
    "Plan",
    "plan_from",
    "read_budget",
]
