"""The plan use case: hotspots + debt -> targets -> a schedule that fits the budget."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace

from codehealth.adapters.files import load_catalogue
from codehealth.core import ConfigError, Settings
from codehealth.hotspots import HotspotsOptions, Mined, run_hotspots
from codehealth.plan.budget import MINUTES, parse_capacity, parse_duration
from codehealth.plan.schedule import Plan, make_plan
from codehealth.plan.targets import Candidate, build_targets


@dataclass(frozen=True, slots=True)
class Budget:
    """What the options ask for: the mode and one budget (minutes) per session."""

    mode: str
    sessions: tuple[float, ...]


def read_budget(
    budget: str | None,
    capacity: str | None,
    team: int | None,
    sprint: str | None,
    sprints: int | None,
    refactorathon: bool,
) -> Budget:
    """The options turned into sessions; ConfigError (exit 2) naming the accepted forms."""
    try:
        total = parse_duration(budget) if budget else None
        if refactorathon:
            return Budget("refactorathon", ((team or 1) * MINUTES["d"],))
        if capacity or sprint:
            return _sprints(total, capacity, team, sprint, sprints)
    except ValueError as error:
        raise ConfigError(str(error)) from None
    if total is None:
        raise ConfigError(
            "say how much time there is: --budget 40h, or --capacity 10% --team 6 --sprint 2w,"
            " or --refactorathon --team 6"
        )
    return Budget("budget", (total,))


def _sprints(
    total: float | None,
    capacity: str | None,
    team: int | None,
    sprint: str | None,
    sprints: int | None,
) -> Budget:
    """Sprints of the team's capacity: as many as ``total`` needs (the last one holds the
    rest), else ``sprints`` of them. ValueError when a value does not parse."""
    if not (capacity and sprint and team):
        raise ConfigError(
            "sprints need --capacity (e.g. 10%), --team (people) and --sprint (e.g. 2w)"
        )
    per_sprint = parse_capacity(capacity) * team * parse_duration(sprint, "sprint length")
    if total is not None:
        count = max(1, math.ceil(total / per_sprint - 1e-9))
        last = total - per_sprint * (count - 1)
        return Budget("sprints", (*([per_sprint] * (count - 1)), last))
    return Budget("sprints", (per_sprint,) * (sprints or 1))


def run_plan(
    budget: Budget, root: str = ".", options: HotspotsOptions | None = None
) -> tuple[Plan, tuple[str, ...]]:
    """The plan and the notes of the history run behind it (mined as ``options`` say)."""
    options = options or HotspotsOptions()
    root = os.path.abspath(root)
    settings = options.measuring.settings_at(root)
    measuring = replace(options.measuring, settings=settings)
    mined = run_hotspots(root, replace(options, measuring=measuring))
    return plan_from(mined, budget, settings), mined.report.notes


def plan_from(mined: Mined, budget: Budget, settings: Settings) -> Plan:
    """The plan for what ``run_hotspots`` mined (the report reuses its run)."""
    report = mined.report
    candidates = [Candidate(t.path, t.symbol, t.line, t.minutes, t.rules) for t in mined.targets]
    targets = build_targets(
        candidates,
        {path: facts.window_revisions for path, facts in mined.histories.items()},
        {(row.path, row.qualname): row.changes for row in report.functions},
        {row.path: row.experts for row in report.ownership},
        {rule.id: rule.fix for rule in load_catalogue(settings).rules if rule.fix},
    )
    return make_plan(targets, budget.sessions, budget.mode, report.window)
