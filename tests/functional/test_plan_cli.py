"""``codehealth plan`` end to end: a schedule that fits the budget, in every format."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from clitools import Run
from historytools import ANN, BOB, Step, complex_function, make_history, shop_history

Cli = Callable[..., Run]


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """billing.price (hot, ~1 h of debt) plus two more functions with debt: report.build
    (changed twice) and legacy.old_price (never changed in the window)."""
    repo = shop_history(tmp_path_factory.mktemp("plan") / "shop")
    from historytools import commit

    for index in range(2):
        commit(
            repo,
            Step(*BOB, 0.5 - index * 0.1, {"src/shop/report.py": complex_function("build", index)}),
        )
    return repo


def plan_json(cli: Cli, repo: Path, *args: str) -> dict:
    run = cli("plan", "--format", "json", *args, cwd=repo)
    assert run.code == 0, run.err
    return run.json()


def names(session: dict) -> list[str]:
    return [f"{t['path']}::{t['symbol']}" for t in session["targets"]]


def test_budget_plan_takes_the_best_payoff_that_fits(cli: Cli, shop: Path):
    plan = plan_json(cli, shop, "--budget", "40h")
    (session,) = plan["sessions"]
    assert session["budget_minutes"] == 2400
    assert names(session) == ["src/shop/billing.py::price", "src/shop/report.py::build"]
    price = session["targets"][0]
    assert price["changes"] == 9 and price["payoff"] == pytest.approx(9 * price["effort_minutes"])
    assert price["experts"][:2] == ["Ann Example", "Bob Builder"]
    assert set(price["rules"]) >= {"CH101", "CH102"}
    assert "extract function" in price["refactorings"]
    # legacy.old_price has as much debt but never changes: it pays nothing back
    assert plan["candidates"] == 2


def test_a_tight_budget_keeps_the_better_payoff(cli: Cli, shop: Path):
    full = plan_json(cli, shop, "--budget", "40h")["sessions"][0]["targets"]
    price, build = full
    budget = max(price["effort_minutes"], build["effort_minutes"]) + 1
    plan = plan_json(cli, shop, "--budget", f"{budget}m")
    assert names(plan["sessions"][0]) == ["src/shop/billing.py::price"]
    assert [t["symbol"] for t in plan["left_out"]] == ["build"]


def test_budget_smaller_than_the_smallest_target_is_an_empty_plan_that_says_so(
    cli: Cli, shop: Path
):
    plan = plan_json(cli, shop, "--budget", "10m")
    assert plan["sessions"][0]["targets"] == []
    assert "smaller than the smallest target" in plan["message"]
    run = cli("plan", "--budget", "10m", cwd=shop)
    assert run.code == 0
    assert "empty plan: the budget (10m) is smaller than the smallest target" in run.out


@pytest.mark.parametrize("budget", ["40x", "h", "-3h", "forty hours"])
def test_a_budget_written_wrongly_is_exit_2_naming_the_forms(cli: Cli, shop: Path, budget: str):
    run = cli("plan", "--budget", budget, cwd=shop)
    assert run.code == 2
    assert "40h, 90m, 2.5d" in run.err and "1w" in run.err


def test_no_budget_at_all_is_exit_2(cli: Cli, shop: Path):
    run = cli("plan", cwd=shop)
    assert run.code == 2 and "--budget 40h" in run.err
    run = cli("plan", "--capacity", "10%", cwd=shop)
    assert run.code == 2 and "--team" in run.err


def test_sprints_from_capacity_team_and_length(cli: Cli, shop: Path):
    plan = plan_json(
        cli, shop, "--capacity", "10%", "--team", "6", "--sprint", "2w", "--sprints", "2"
    )
    assert plan["mode"] == "sprints"
    assert [s["name"] for s in plan["sessions"]] == ["sprint 1", "sprint 2"]
    assert plan["sessions"][0]["budget_minutes"] == pytest.approx(0.1 * 6 * 80 * 60)
    assert len(names(plan["sessions"][0])) == 2 and plan["sessions"][1]["targets"] == []


def test_small_sprints_spread_the_work(cli: Cli, shop: Path):
    full = plan_json(cli, shop, "--budget", "40h")["sessions"][0]["targets"]
    biggest = max(t["effort_minutes"] for t in full)
    sprint_minutes = biggest + 1  # one target per sprint: capacity 100 %, 1 person
    plan = plan_json(
        cli,
        shop,
        "--capacity",
        "100%",
        "--team",
        "1",
        "--sprint",
        f"{sprint_minutes}m",
        "--sprints",
        "2",
    )
    assert [len(s["targets"]) for s in plan["sessions"]] == [1, 1]
    assert names(plan["sessions"][0]) == ["src/shop/billing.py::price"]


def test_refactorathon_is_one_day_for_the_team(cli: Cli, shop: Path):
    plan = plan_json(cli, shop, "--refactorathon", "--team", "3")
    assert plan["mode"] == "refactorathon"
    assert plan["sessions"][0]["name"] == "refactorathon day"
    assert plan["budget_minutes"] == 3 * 8 * 60


def test_markdown_agenda(cli: Cli, shop: Path):
    run = cli("plan", "--budget", "40h", "--format", "markdown", cwd=shop)
    assert run.code == 0
    assert run.out.startswith("# Refactor plan")
    assert "1. **`src/shop/billing.py::price`**" in run.out
    assert "who knows it best: Ann Example, Bob Builder" in run.out
    assert "split the function" in run.out  # the catalogue's advice for CH101


def test_csv_has_one_row_per_target(cli: Cli, shop: Path):
    run = cli("plan", "--budget", "40h", "--format", "csv", cwd=shop)
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert [(r["path"], r["symbol"]) for r in rows] == [
        ("src/shop/billing.py", "price"),
        ("src/shop/report.py", "build"),
    ]
    assert rows[0]["session"] == "budget" and float(rows[0]["effort_minutes"]) > 0


def test_nothing_changed_with_debt_is_an_empty_plan(cli: Cli, tmp_path: Path):
    repo = make_history(tmp_path / "r", [Step(*ANN, 3, {"a.py": "x = 1\n"})])
    plan = plan_json(cli, repo, "--budget", "8h")
    assert plan["candidates"] == 0
    assert "nothing to plan" in plan["message"]


def test_files_not_analysed_are_named_by_hotspots_and_plan(cli: Cli, tmp_path: Path):
    """A file that does not parse was silently missing from both reports."""
    repo = make_history(
        tmp_path / "r",
        [
            Step(*ANN, 3, {"pkg/__init__.py": "", "pkg/hot.py": complex_function("f", 0)}),
            Step(*BOB, 2, {"pkg/hot.py": complex_function("f", 1), "pkg/py2.py": 'print "x"\n'}),
        ],
    )
    hotspots = cli("hotspots", "--format", "json", cwd=repo)
    assert hotspots.code == 0, hotspots.err
    plan = plan_json(cli, repo, "--budget", "40h")
    for notes in (hotspots.json()["notes"], plan["notes"]):
        (note,) = (n for n in notes if n.startswith("not analysed: "))
        assert note.startswith("not analysed: pkg/py2.py: syntax error at line 1")
    assert "pkg/hot.py" in {f["path"] for f in hotspots.json()["files"]}
    assert "pkg/hot.py::f" in names(plan["sessions"][0])
