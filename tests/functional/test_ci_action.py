"""The GitHub action's shell steps run for real (bash, the CLI on PATH) in a sample repository:
the cache key names the base commit and the version; one gate run writes the log's
report, the SARIF file and the step summary (once), and keeps the gate's exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from clitools import clean_env, git
from test_gate_ci_formats import _changed

from codehealth.version import __version__

yaml = pytest.importorskip("yaml")

ACTION = Path(__file__).resolve().parents[2] / "ci" / "github" / "action.yml"


def _step(name: str) -> str:
    steps = yaml.safe_load(ACTION.read_text(encoding="utf-8"))["runs"]["steps"]
    [script] = [step["run"] for step in steps if step.get("name") == name]
    return str(script)


def _bash(script: str, repo: Path, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``script`` as the runner runs a composite step (bash -eo pipefail), ``codehealth`` on
    PATH being this checkout's."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    tool = folder / "codehealth"
    tool.write_text(f'#!/bin/sh\nexec {sys.executable} -m codehealth "$@"\n', encoding="utf-8")
    tool.chmod(0o755)
    environment = {**clean_env(), "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}", **env}
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=repo,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def _outputs(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines())


def test_the_cache_key_is_the_version_and_the_base_commit(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    repo = _changed(make_repo)
    git(repo, "commit", "--quiet", "-am", "the change")
    base = git(repo, "rev-parse", "main").strip()
    head = git(repo, "rev-parse", "HEAD").strip()
    script = _step("codehealth cache key")
    output = tmp_path / "pull-request.out"
    done = _bash(
        script,
        repo,
        tmp_path,
        CODEHEALTH_BASE="main",
        GITHUB_EVENT_NAME="pull_request",
        GITHUB_OUTPUT=str(output),
    )
    assert done.returncode == 0, done.stderr
    assert _outputs(output) == {
        "base": "main",
        "prefix": f"codehealth-{__version__}-",
        "key": f"codehealth-{__version__}-{base}",
    }
    output = tmp_path / "push.out"
    zeros = "0" * 40  # a push that created the branch: no commit before it
    done = _bash(
        script,
        repo,
        tmp_path,
        GITHUB_EVENT_NAME="push",
        GITHUB_SHA=head,
        EVENT_BEFORE=zeros,
        GITHUB_OUTPUT=str(output),
    )
    assert done.returncode == 0, done.stderr
    assert _outputs(output)["base"] == "HEAD~1"
    assert _outputs(output)["key"] == f"codehealth-{__version__}-{head}"


def test_one_gate_run_writes_the_log_the_sarif_file_and_the_summary(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    repo = _changed(make_repo)
    summary = tmp_path / "step_summary"
    summary.write_text("", encoding="utf-8")
    env = {
        "CODEHEALTH_BASE": "main",
        "CODEHEALTH_FORMAT": "github",
        "CODEHEALTH_SARIF": "codehealth.sarif",
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    done = _bash(_step("codehealth gate"), repo, tmp_path, GITHUB_EVENT_NAME="pull_request", **env)
    assert done.returncode == 1, done.stderr  # the gate's verdict fails the pull request
    assert done.stdout.startswith("::error file=pkg/mod.py,line=2,")
    sarif = json.loads((repo / "codehealth.sarif").read_text(encoding="utf-8"))
    assert {result["ruleId"] for result in sarif["runs"][0]["results"]} == {"CH201"}
    assert summary.read_text(encoding="utf-8").count("## ❌ codehealth gate") == 1
    summary.write_text("", encoding="utf-8")
    pushed = _bash(_step("codehealth gate"), repo, tmp_path, GITHUB_EVENT_NAME="push", **env)
    assert pushed.returncode == 0, pushed.stderr  # shown, not failed: the commit is in
    assert "::error " in pushed.stdout
    assert summary.read_text(encoding="utf-8").count("## ❌ codehealth gate") == 1
