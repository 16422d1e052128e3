"""The gate's CI outputs end to end: GitHub annotations, SARIF, GitLab Code Quality, JUnit."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from clitools import Run, git, write_files

FILES = {
    "pyproject.toml": '[project]\nname = "ci"\nversion = "0"\n',
    "pkg/__init__.py": "",
    "pkg/mod.py": "def f(x):\n    return x\n",
}
# Two identical markers: the same rule on the same line text (unique ids still needed).
CHANGED = (
    "def f(x):\n    # TODO: 100% done, really: yes\n    return x\n\n\n"
    "def g(y):\n    # TODO: twice\n    # TODO: twice\n    return y\n"
)


def _changed(make_repo: Callable[..., Path]) -> Path:
    repo = make_repo("ci", FILES)
    git(repo, "branch", "-M", "main")
    git(repo, "checkout", "--quiet", "-b", "feature")
    write_files(repo, {"pkg/mod.py": CHANGED})
    return repo


def test_github_annotations_are_escaped_and_chosen_in_actions(
    make_repo: Callable[..., Path],
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    repo = _changed(make_repo)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run = cli("gate", "--base", "main", "--no-lint", cwd=repo)
    assert run.code == 1
    errors = [line for line in run.out.splitlines() if line.startswith("::error ")]
    assert errors, run.out
    marked = next(line for line in errors if "100" in line)
    assert marked.startswith("::error file=pkg/mod.py,line=2,")
    assert "title=codehealth CH2" in marked
    assert "100%25 done, really: yes" in marked  # % escaped; "," and ":" kept in data
    assert "\r" not in run.out
    assert summary.read_text(encoding="utf-8").startswith("## ❌ codehealth gate")


def test_sarif(make_repo: Callable[..., Path], cli: Callable[..., Run]) -> None:
    repo = _changed(make_repo)
    run = cli("gate", "--base", "main", "--no-lint", "--format", "sarif", cwd=repo)
    assert run.code == 1
    document = run.json()
    assert document["version"] == "2.1.0"
    (sarif_run,) = document["runs"]
    rules = [rule["id"] for rule in sarif_run["tool"]["driver"]["rules"]]
    assert sarif_run["results"]
    for result in sarif_run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        assert result["partialFingerprints"]["codehealth/v1"]
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": "pkg/mod.py", "uriBaseId": "%SRCROOT%"}
        assert result["level"] == "error"


def test_gitlab_code_quality_fingerprints_are_unique(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = _changed(make_repo)
    run = cli("gate", "--base", "main", "--no-lint", "--format", "gitlab", cwd=repo)
    assert run.code == 1
    issues = json.loads(run.out)
    assert len(issues) >= 3
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    assert all(issue["location"]["path"] == "pkg/mod.py" for issue in issues)
    assert all(issue["location"]["lines"]["begin"] >= 1 for issue in issues)


def test_junit_names_are_unique_and_failures_counted(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = _changed(make_repo)
    run = cli("gate", "--base", "main", "--no-lint", "--format", "junit", cwd=repo)
    assert run.code == 1
    root = ET.fromstring(run.out)
    cases = root.findall(".//testcase")
    names = [case.get("name") for case in cases]
    assert len(set(names)) == len(names) >= 3
    failures = [case for case in cases if case.find("failure") is not None]
    assert root.get("failures") == str(len(failures)) and failures


def test_junit_of_a_clean_change_has_one_passing_case(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("ci", FILES)
    git(repo, "branch", "-M", "main")
    run = cli("gate", "--base", "main", "--no-lint", "--format", "junit", cwd=repo)
    assert run.code == 0
    root = ET.fromstring(run.out)
    assert root.get("failures") == "0"
    assert len(root.findall(".//testcase")) == 1
