"""The gate's rules behave as their data files say: tests/rules/CH5xx/fail/ is a change (a
``base/`` and a ``head/`` tree, committed one after the other) that the rule reports,
tests/rules/CH5xx/pass/ a change it does not. An optional ``case.json`` gives the gate's extra
arguments (``args``), the level the rule is reported at (``level``, default ``error``) and
``baseline: true`` to record ``codehealth baseline`` at the base and judge the head against it."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from clitools import commit_all, init_repo, run_cli

from codehealth.adapters.files import load_catalogue

CASES = Path(__file__).resolve().parents[1] / "rules"
RULES = [rule.id for rule in load_catalogue().family("gate")]


def _replay(case: Path, repo: Path) -> dict[str, Any]:
    """Commit the case's base, then its head; the gate's JSON report on the head."""
    settings = json.loads((case / "case.json").read_text()) if (case / "case.json").exists() else {}
    shutil.copytree(case / "base", repo)
    init_repo(repo)
    commit_all(repo, "base")
    if settings.get("baseline"):
        assert run_cli("baseline", cwd=repo).code == 0
        commit_all(repo, "baseline")
    _put_head(case / "head", repo)
    commit_all(repo, "head")
    base = [] if settings.get("baseline") else ["--base", "HEAD~1"]
    args = [*base, "--no-lint", "--format", "json", *settings.get("args", [])]
    run = run_cli("gate", *args, cwd=repo)
    assert run.code in (0, 1), run.stderr
    return {"levels": {(p["rule"], p["level"]) for p in run.json()["problems"]}, **settings}


def _put_head(head: Path, repo: Path) -> None:
    """The head tree in place of the base's."""
    for path in repo.iterdir():
        if path.name not in (".git", ".codehealth-baseline"):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    # new mtimes: git must not take a head file of the base's size and time for unchanged
    shutil.copytree(head, repo, dirs_exist_ok=True, copy_function=shutil.copyfile)
    for data in repo.glob("*coverage.xml"):  # the test run comes after the checkout
        os.utime(data, (time.time() + 5, time.time() + 5))


def test_every_gate_rule_has_a_case() -> None:
    assert [*(f"CH50{n}" for n in range(1, 10)), "CH510"] == RULES
    assert all(
        (CASES / rule / kind / "head").is_dir() for rule in RULES for kind in ("pass", "fail")
    )


@pytest.mark.slow
@pytest.mark.parametrize("rule", RULES)
def test_gate_rule_behaviour_from_its_data_files(rule: str, tmp_path: Path) -> None:
    failing = _replay(CASES / rule / "fail", tmp_path / "fail")
    passing = _replay(CASES / rule / "pass", tmp_path / "pass")
    level = failing.get("level", "error")
    assert (rule, level) in failing["levels"], f"{rule}: fail/ produced {failing['levels']}"
    reported = {r for r, _ in passing["levels"]}
    assert rule not in reported, f"{rule}: pass/ produced {passing['levels']}"
