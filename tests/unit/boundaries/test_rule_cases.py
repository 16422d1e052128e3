"""The boundary rules behave as their data files say: tests/rules/CH3xx/fail/ is a small
project in which the rule fires, tests/rules/CH3xx/pass/ one in which it does not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from codehealth.adapters.files import load_catalogue
from codehealth.boundaries import BOUNDARY_RULES, run_boundaries

CASES = Path(__file__).resolve().parents[2] / "rules"
RULES = [rule.id for rule in load_catalogue().family("boundaries")]


def rules_found(case: Path, tmp_path: Path) -> list[str]:
    project = tmp_path / case.name
    shutil.copytree(case, project)
    report = run_boundaries(str(project), use_cache=False)
    return [v.finding.rule for v in report.violations]


def test_every_boundary_rule_is_in_the_catalogue() -> None:
    assert list(BOUNDARY_RULES) == RULES


@pytest.mark.parametrize("rule", RULES)
def test_boundary_rule_behaviour_from_its_data_files(rule: str, tmp_path: Path) -> None:
    failing = rules_found(CASES / rule / "fail", tmp_path / "fail")
    passing = rules_found(CASES / rule / "pass", tmp_path / "pass")
    assert rule in failing, f"{rule}: fail/ produced {failing}"
    assert rule not in passing, f"{rule}: pass/ produced {passing}"
