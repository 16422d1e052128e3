"""The CI templates in ci/ parse, and call the gate with the options that exist."""

from __future__ import annotations

from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

CI = Path(__file__).resolve().parents[2] / "ci"


def test_the_github_action_is_a_composite_action_running_the_gate() -> None:
    action = yaml.safe_load((CI / "github" / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    commands = " ".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "codehealth gate --base" in commands
    assert set(action["inputs"]) >= {"base", "format"}


def test_the_example_workflow_fetches_full_history() -> None:
    workflow = yaml.safe_load((CI / "github" / "pull-request.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["gate"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    assert any(step.get("uses", "").endswith("/ci/github@vX") for step in steps)


def test_the_example_workflow_uploads_the_sarif_file_the_gate_writes() -> None:
    workflow = yaml.safe_load((CI / "github" / "pull-request.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["gate"]["steps"]
    [gate] = [step for step in steps if step.get("uses", "").endswith("/ci/github@vX")]
    [upload] = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload")]
    assert upload["with"]["sarif_file"] == gate["with"]["sarif"]
    assert "always()" in upload["if"]  # a failing gate's findings are uploaded too
    assert workflow["permissions"]["security-events"] == "write"
    # pushes to the default branch run it too: they save the cache pull requests restore
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads `on` as true


def test_the_action_restores_the_base_cache_and_saves_it_on_the_default_branch() -> None:
    action = yaml.safe_load((CI / "github" / "action.yml").read_text(encoding="utf-8"))
    steps = {step.get("name"): step for step in action["runs"]["steps"]}
    restore = steps["Restore the base's codehealth cache"]
    save = steps["Save the codehealth cache for this commit"]
    assert restore["uses"].startswith("actions/cache/restore@")
    assert save["uses"].startswith("actions/cache/save@")
    assert restore["with"]["path"] == save["with"]["path"] == ".codehealth"
    assert restore["with"]["key"] == save["with"]["key"] == "${{ steps.key.outputs.key }}"
    assert restore["with"]["restore-keys"] == "${{ steps.key.outputs.prefix }}"
    assert "github.event_name == 'push'" in save["if"] and "default_branch" in save["if"]
    names = list(steps)
    assert names.index("codehealth cache key") < names.index(restore["name"])
    assert names.index(restore["name"]) < names.index("codehealth gate") < names.index(save["name"])
    gate = steps["codehealth gate"]["run"]
    assert gate.count("codehealth gate ") == 1  # one analysis for every output
    assert '"sarif=$CODEHEALTH_SARIF"' in gate and '"markdown=$GITHUB_STEP_SUMMARY"' in gate
    assert steps["codehealth gate"]["env"]["CODEHEALTH_SARIF"] == "${{ inputs.sarif }}"


def test_the_gitlab_template_publishes_code_quality() -> None:
    template = yaml.safe_load(
        (CI / "gitlab" / "codehealth.gitlab-ci.yml").read_text(encoding="utf-8")
    )
    job = template["codehealth-gate"]
    report = job["artifacts"]["reports"]["codequality"]
    assert report == "gl-code-quality-report.json" and job["artifacts"]["when"] == "always"
    [gate] = [line for line in job["script"] if "codehealth gate" in line]  # runs once
    assert gate.endswith(f"--format table --output gitlab={report}")
    assert job["script"][-1] == gate  # its exit status is the job's


def test_the_gitlab_template_caches_by_the_diff_base_and_the_default_branch_saves() -> None:
    template = yaml.safe_load(
        (CI / "gitlab" / "codehealth.gitlab-ci.yml").read_text(encoding="utf-8")
    )
    request = template["codehealth-gate"]["cache"]
    assert request["key"] == "codehealth-$CI_MERGE_REQUEST_DIFF_BASE_SHA"
    assert request["paths"] == [".codehealth/"] and request["policy"] == "pull"
    assert "codehealth-$CI_DEFAULT_BRANCH" in request["fallback_keys"]
    main = template["codehealth-gate-default-branch"]
    assert "$CI_DEFAULT_BRANCH" in main["rules"][0]["if"]
    saved = {cache["key"]: cache["policy"] for cache in main["cache"]}
    # the per-commit key a merge request looks for, and the fallback's latest
    assert saved == {
        "codehealth-$CI_COMMIT_SHA": "push",
        "codehealth-$CI_DEFAULT_BRANCH": "pull-push",
    }
    assert all(cache["paths"] == [".codehealth/"] for cache in main["cache"])
    for name in ("codehealth-gate", "codehealth-gate-default-branch"):
        assert template[name]["extends"] == ".codehealth-gate"
    assert template[".codehealth-gate"]["variables"]["GIT_DEPTH"] == 0


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


def test_the_action_outputs_the_review_level_of_its_one_gate_run() -> None:
    action = yaml.safe_load((CI / "github" / "action.yml").read_text(encoding="utf-8"))
    [gate] = [step for step in action["runs"]["steps"] if step.get("name") == "codehealth gate"]
    assert gate["id"] == "gate"
    outputs = action["outputs"]
    assert outputs["review-level"]["value"] == "${{ steps.gate.outputs.review-level }}"
    assert outputs["review-reasons"]["value"] == "${{ steps.gate.outputs.review-reasons }}"
    assert gate["run"].count("codehealth gate ") == 1
    assert '--output "json=$review"' in gate["run"]


def test_the_example_workflow_labels_by_the_review_level_through_env() -> None:
    workflow = yaml.safe_load((CI / "github" / "pull-request.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["gate"]["steps"]
    [gate] = [step for step in steps if step.get("uses", "").endswith("/ci/github@vX")]
    [label] = [step for step in steps if "review-level" in step.get("if", "")]
    assert f"steps.{gate['id']}.outputs.review-level != ''" in label["if"]
    assert "always()" in label["if"]  # a failing gate's pull request is labelled too
    assert label["env"]["LEVEL"] == f"${{{{ steps.{gate['id']}.outputs.review-level }}}}"
    assert "${{" not in label["run"]  # the values reach the script as variables only
    assert 'gh pr edit "$PR" --add-label "review: $LEVEL"' in label["run"]
    assert workflow["permissions"]["pull-requests"] == "write"
