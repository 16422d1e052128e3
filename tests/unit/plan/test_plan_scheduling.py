"""Budgets, the knapsack and the schedule."""

from __future__ import annotations

import itertools

import pytest

from codehealth.plan.budget import parse_capacity, parse_duration
from codehealth.plan.knapsack import choose
from codehealth.plan.schedule import make_plan
from codehealth.plan.targets import Candidate, build_targets


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("40h", 2400), ("90m", 90), ("2.5d", 1200), ("1w", 2400), ("30min", 30), ("2W", 4800)],
)
def test_durations(text: str, minutes: float):
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["40x", "40", "h", "0h", "-1h", ""])
def test_bad_durations_name_the_forms(text: str):
    with pytest.raises(ValueError, match=r"40h, 90m, 2.5d"):
        parse_duration(text)


def test_capacity():
    assert parse_capacity("10%") == 0.1 and parse_capacity("0.25") == 0.25
    with pytest.raises(ValueError, match="10%"):
        parse_capacity("150%")


def test_knapsack_is_exact():
    efforts = [30, 50, 20, 45, 10, 60, 25]
    payoffs = [60, 70, 50, 80, 15, 100, 40]
    budget = 100
    chosen = choose(efforts, payoffs, budget)
    best = max(
        (
            combo
            for size in range(len(efforts) + 1)
            for combo in itertools.combinations(range(len(efforts)), size)
            if sum(efforts[i] for i in combo) <= budget
        ),
        key=lambda combo: sum(payoffs[i] for i in combo),
    )
    assert sum(efforts[i] for i in chosen) <= budget
    assert sum(payoffs[i] for i in chosen) == sum(payoffs[i] for i in best)


def test_knapsack_never_exceeds_the_budget_with_fractional_efforts():
    chosen = choose([10.4, 10.4, 10.4], [1, 1, 1], 31)
    assert len(chosen) == 2  # rounded up: 11 + 11 fits 31, a third would not (33)


def candidates() -> list[Candidate]:
    return [
        Candidate("a.py", "f", 1, 60, ("CH102",)),
        Candidate("a.py", "g", 20, 30, ("CH103",)),
        Candidate("b.py", "h", 1, 45, ("CH101",)),
        Candidate("c.py", "", 1, 20, ("CH106",)),  # never changed in the window
    ]


def test_targets_payoff_and_what_to_do():
    targets = build_targets(
        candidates(),
        {"a.py": 4, "b.py": 1},
        {("a.py", "f"): 3},
        {"a.py": ("ann", "bob")},
        {"CH102": "flatten it"},
    )
    assert [(t.symbol, t.changes, t.payoff) for t in targets] == [
        ("f", 3, 180),
        ("g", 4, 120),
        ("h", 1, 45),
    ]
    assert targets[0].refactorings == ("flatten + extract function",)
    assert targets[0].fixes == ("flatten it",) and targets[0].experts == ("ann", "bob")


def test_sprints_are_filled_in_order_of_payoff():
    targets = build_targets(candidates(), {"a.py": 4, "b.py": 1}, {}, {}, {})
    plan = make_plan(targets, [70, 70], "sprints", "12.months")
    assert [[t.symbol for t in s.targets] for s in plan.sessions] == [["f"], ["g"]]
    assert [t.symbol for t in plan.left_out] == ["h"]
    assert plan.message == ""


def test_a_budget_below_the_smallest_target_explains_itself():
    targets = build_targets(candidates(), {"a.py": 4, "b.py": 1}, {}, {}, {})
    plan = make_plan(targets, [15], "budget", "12.months")
    assert plan.planned == ()
    assert "smaller than the smallest target (30m)" in plan.message
