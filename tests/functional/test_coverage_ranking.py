"""`hotspots` and `plan` rank a complex, often-changed, untested function above a tested one
that is otherwise its equal: two copies of one function, changed in the same commits, of
which the tests (coverage.py, run here on the sample) run only the first."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from clitools import Run, clean_env
from historytools import ANN, BOB, Step, complex_function, make_history

Cli = Callable[..., Run]

_CALLS = """
from pricing import first
for args in [("book", 3, 1, 1, 0), ("book", 3, 1, 0, 1), ("book", 3, 1, 0, 0),
             ("book", 2, 0, 1, 1), ("food", 3, 1, 0, 0), ("toy", 2, 0, 0, 0)]:
    first(*args)
"""


# The two functions are copies by design: the duplication detector (which would price the
# second copy) is off, so that coverage is the only difference between them.
_NO_COPIES = "[tool.codehealth.duplication]\nenabled = false\n"


def _pricing(variant: int) -> str:
    return complex_function("first", variant) + "\n\n" + complex_function("second", variant)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    steps = [
        Step(
            *(ANN if day % 2 else BOB),
            60 - day * 5,
            {"pricing.py": _pricing(day), "pyproject.toml": _NO_COPIES},
        )
        for day in range(6)
    ]
    base = tmp_path_factory.mktemp("ranking")
    repo = make_history(base / "app", steps)
    (base / "calls.py").write_text(_CALLS)  # the "tests", outside the project
    command = [sys.executable, "-m", "coverage", "run", "--branch", "--source=.", "../calls.py"]
    env = {**clean_env(), "PYTHONPATH": str(repo)}
    subprocess.run(command, cwd=repo, env=env, check=True, capture_output=True)
    return repo


def _json(cli: Cli, repo: Path, *args: str) -> dict:
    run = cli(*args, "--format", "json", cwd=repo)
    assert run.code == 0, run.err
    return run.json()


def test_the_scan_sees_one_tested_and_one_untested_copy(cli: Cli, repo: Path) -> None:
    (pricing,) = [f for f in _json(cli, repo, "scan")["files"] if f["path"] == "pricing.py"]
    first, second = pricing["functions"]
    assert first["cyclomatic"] == second["cyclomatic"]
    assert first["coverage"]["percent"] > 60 and second["coverage"]["percent"] == 0
    assert second["crap"] > 30 > first["crap"]


def test_hotspots_rank_the_untested_function_first(cli: Cli, repo: Path) -> None:
    functions = _json(cli, repo, "hotspots")["functions"]
    assert [row["qualname"] for row in functions[:2]] == ["second", "first"]
    assert functions[0]["changes"] == functions[1]["changes"]
    assert functions[0]["score"] > functions[1]["score"]
    assert "covered 0% by the tests" in functions[0]["reasons"]


def test_without_coverage_the_two_tie_and_the_first_in_the_file_leads(
    cli: Cli, repo: Path, tmp_path: Path
) -> None:
    off = tmp_path / "pyproject.toml"
    off.write_text('[tool.codehealth]\ncoverage = "off"\n' + _NO_COPIES)
    functions = _json(cli, repo, "hotspots", "--config", str(off))["functions"]
    assert [row["qualname"] for row in functions[:2]] == ["first", "second"]
    assert functions[0]["score"] == functions[1]["score"]
    plan = _targets(_json(cli, repo, "plan", "--budget", "40h", "--config", str(off)))
    assert plan["first"]["payoff"] == plan["second"]["payoff"]


def test_a_missing_coverage_file_given_is_exit_2(cli: Cli, repo: Path) -> None:
    for command in (("hotspots",), ("plan", "--budget", "4h")):
        run = cli(*command, "--coverage", "missing.xml", cwd=repo)
        assert run.code == 2 and "no such coverage file" in run.err


def _targets(plan: dict) -> dict[str, dict]:
    return {t["symbol"]: t for s in plan["sessions"] for t in s["targets"]}


def test_plan_pays_more_for_the_untested_function(cli: Cli, repo: Path) -> None:
    both = _targets(_json(cli, repo, "plan", "--budget", "40h"))
    first, second = both["first"], both["second"]
    assert first["changes"] == second["changes"]
    assert "CH601" in second["rules"] and "CH601" not in first["rules"]
    assert second["payoff"] > first["payoff"]
    # a budget for one of the two (and not both) takes the untested one
    budget = f"{(first['effort_minutes'] + second['effort_minutes']) / 60 - 0.1:.1f}h"
    assert second["effort_minutes"] / 60 < float(budget[:-1])
    assert list(_targets(_json(cli, repo, "plan", "--budget", budget))) == ["second"]
