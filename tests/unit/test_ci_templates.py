"""The CI templates in ci/ parse, and call the gate with the options that exist."""

from __future__ import annotations

from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

CI = Path(__file__).resolve().parents[2] / "ci"


def test_the_github_action_is_a_composite_action_running_the_gate() -> None:
    action = yaml.safe_load((CI / "github" / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    commands = " ".join(step["run"] for step in action["runs"]["steps"])
    assert "codehealth gate --base" in commands
    assert set(action["inputs"]) >= {"base", "format"}


def test_the_example_workflow_fetches_full_history() -> None:
    workflow = yaml.safe_load((CI / "github" / "pull-request.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["gate"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    assert steps[-1]["uses"].endswith("/ci/github@vX")


def test_the_gitlab_template_publishes_code_quality() -> None:
    template = yaml.safe_load(
        (CI / "gitlab" / "codehealth.gitlab-ci.yml").read_text(encoding="utf-8")
    )
    job = template["codehealth-gate"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert any("--format gitlab" in line for line in job["script"])
