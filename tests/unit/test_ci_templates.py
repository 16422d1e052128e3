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


def test_the_action_and_the_template_record_the_default_branch_into_a_store() -> None:
    action = yaml.safe_load((CI / "github" / "action.yml").read_text(encoding="utf-8"))
    [record] = [s for s in action["runs"]["steps"] if s.get("run") == "codehealth history"]
    assert "inputs.store != ''" in record["if"] and "default_branch" in record["if"]
    assert record["env"]["PGPASSWORD"] == "${{ inputs.store-password }}"  # never in the URL
    template = yaml.safe_load(
        (CI / "gitlab" / "codehealth.gitlab-ci.yml").read_text(encoding="utf-8")
    )
    job = template["codehealth-history"]
    assert "$CI_DEFAULT_BRANCH" in job["rules"][0]["if"] and "codehealth history" in job["script"]


def test_the_matrix_workflow_runs_each_shard_of_as_many_jobs_as_the_matrix_has() -> None:
    workflow = yaml.safe_load((CI / "github" / "history-matrix.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["history"]
    shards = job["strategy"]["matrix"]["shard"]
    [command] = [s["run"] for s in job["steps"] if "--shard" in s.get("run", "")]
    assert command.endswith(f"--shard ${{{{ matrix.shard }}}}/{len(shards)}")
    assert shards == list(range(1, len(shards) + 1))
    assert job["steps"][0]["with"]["fetch-depth"] == 0
