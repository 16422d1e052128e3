"""TODO docstring for codehealth.plan."""

from codehealth.plan.budget import (
    parse_capacity as parse_capacity,
)
from codehealth.plan.budget import (
    parse_duration as parse_duration,
)
from codehealth.plan.command import (
    plan as plan,
)
from codehealth.plan.knapsack import (
    choose as choose,
)
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
from codehealth.plan.schedule import (
    make_plan as make_plan,
)
from codehealth.plan.targets import (
    Candidate as Candidate,
)
from codehealth.plan.targets import (
    build_targets as build_targets,
)

__all__ = [
    "Budget",
    "Candidate",
    "Plan",
    "build_targets",
    "choose",
    "make_plan",
    "parse_capacity",
    "parse_duration",
    "plan",
    "plan_from",
    "read_budget",
]
