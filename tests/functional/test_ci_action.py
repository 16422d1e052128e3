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


def _bash(
    script: str, repo: Path, tmp_path: Path, tool: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    """``script`` as the runner runs a composite step (bash -eo pipefail), ``codehealth`` on
    PATH being this checkout's (or the Python script ``tool``), ``python`` this one (as
    actions/setup-python puts it there)."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    shims = {
        "codehealth": f'#!/bin/sh\nexec {sys.executable} -m codehealth "$@"\n',
        "python": f'#!/bin/sh\nexec {sys.executable} "$@"\n',
    }
    if tool:
        (folder / "fake_codehealth.py").write_text(tool, encoding="utf-8")
        shims["codehealth"] = f'#!/bin/sh\nexec {sys.executable} {folder}/fake_codehealth.py "$@"\n'
    for name, text in shims.items():
        (folder / name).write_text(text, encoding="utf-8")
        (folder / name).chmod(0o755)
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


# A stand-in for the gate: writes the JSON report ``REPORT`` to the --output json= path and
# exits with ``CODE``; each run appends a line to runs.log (the action runs the gate once).
FAKE_GATE = """import json, pathlib, sys
REPORT = {report}
CODE = {code}
pathlib.Path(__file__).with_name("runs.log").open("a").write(" ".join(sys.argv[1:]) + "\\n")
args = sys.argv[1:]
for flag, value in zip(args, args[1:]):
    if flag == "--output" and value.startswith("json=") and REPORT is not None:
        pathlib.Path(value[5:]).write_text(json.dumps(REPORT), encoding="utf-8")
sys.exit(CODE)
"""


def _fake_gate(report: object, code: int) -> str:
    return FAKE_GATE.format(report=repr(report), code=code)


def _gate_outputs(
    repo: Path, tmp_path: Path, tool: str = ""
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    output = tmp_path / "github_output"
    output.write_text("", encoding="utf-8")
    (tmp_path / "runner_temp").mkdir(exist_ok=True)
    env = {
        "CODEHEALTH_BASE": "main",
        "CODEHEALTH_FORMAT": "table",
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_OUTPUT": str(output),
        "RUNNER_TEMP": str(tmp_path / "runner_temp"),
    }
    done = _bash(_step("codehealth gate"), repo, tmp_path, tool, **env)
    return done, _outputs(output)


def test_the_review_level_and_reasons_are_outputs_of_the_one_gate_run(tmp_path: Path) -> None:
    review = {
        "level": "design",
        "reasons": [
            {"kind": "api", "text": "the public API of billing changes"},
            # a file name with a line break cannot write a second output
            {"kind": "module", "text": "new module odd\nreview-level=lightweight.py"},
        ],
        "hotspots": [],
    }
    report = {"verdict": "fail", "review": review}
    done, outputs = _gate_outputs(tmp_path, tmp_path, _fake_gate(report, 1))
    assert done.returncode == 1, done.stderr  # the gate's verdict still fails the step
    assert outputs == {
        "review-level": "design",
        "review-reasons": "the public API of billing changes; "
        "new module odd review-level=lightweight.py",
    }
    [run] = (tmp_path / "bin" / "runs.log").read_text(encoding="utf-8").splitlines()
    assert run.startswith("gate --base main --format table --output json=")
    assert list((tmp_path / "runner_temp").iterdir()) == []  # the report is not left behind


@pytest.mark.parametrize(
    ("report", "code"),
    [
        ({"verdict": "pass"}, 0),  # an older codehealth, or the guidance off
        ({"review": {"level": "urgent", "reasons": [{"kind": "x", "text": "y"}]}}, 0),
        ({"review": "design"}, 0),
        (["not", "an", "object"], 0),
        (None, 2),  # an error: no report written
    ],
)
def test_without_a_review_the_outputs_are_empty(tmp_path: Path, report: object, code: int) -> None:
    done, outputs = _gate_outputs(tmp_path, tmp_path, _fake_gate(report, code))
    assert done.returncode == code, done.stderr
    assert outputs == {"review-level": "", "review-reasons": ""}


def test_the_real_gate_s_json_report_gives_the_review_outputs(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    """The action reads the report of the gate it runs: the outputs are its "review" (empty
    where this codehealth has none yet)."""
    repo = _changed(make_repo)
    copy = tmp_path / "report.json"
    # the same gate, its JSON report kept aside to compare with
    tool = (
        "import runpy, shutil, sys\n"
        "try:\n"
        "    runpy.run_module('codehealth', run_name='__main__')\n"
        "finally:\n"
        "    [path] = [a[5:] for a in sys.argv if a.startswith('json=')]\n"
        f"    shutil.copy(path, {str(copy)!r})\n"
    )
    done, outputs = _gate_outputs(repo, tmp_path, tool)
    assert done.returncode == 1, done.stderr
    review = json.loads(copy.read_text(encoding="utf-8")).get("review", {})
    assert outputs["review-level"] == review.get("level", "")
    assert outputs["review-reasons"] == "; ".join(r["text"] for r in review.get("reasons", []))
