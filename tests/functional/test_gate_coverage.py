"""The gate's coverage of the change, end to end: a sample repository (a base and a head
commit), the head's tests run by coverage.py itself, and the gate naming the changed lines
they did not run, in every output; bad and foreign data give a clear answer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from clitools import clean_env, commit_all, init_repo, run_cli, write_files

BASE = {
    "calc.py": "def add(a, b):\n    return a + b\n",
    "tests/test_calc.py": "import calc\n\ncalc.add(1, 2)\n",
    "pyproject.toml": '[project]\nname = "calc"\nversion = "1"\n',
}
# The change adds divide(); the tests run it once, never with b == 0: of its four
# statements (def 5, if 6, raise 7, return 8) line 7 never runs. The changed test and the
# new script are not measured by the run, so they are not judged.
HEAD = {
    "calc.py": BASE["calc.py"]
    + '\n\ndef divide(a, b):\n    if b == 0:\n        raise ZeroDivisionError("b is zero")\n'
    "    return a / b\n",
    "tests/test_calc.py": "import calc\n\ncalc.add(1, 2)\ncalc.divide(4, 2)\n",
    "scripts/release.py": "print('not measured by the test run')\n",
}
GATE_POLICY = "\n[tool.codehealth.gate]\nmin_changed_coverage = 80\n"


def _repo(tmp_path: Path, policy: str = GATE_POLICY) -> Path:
    repo = tmp_path / "calc"
    repo.mkdir()
    init_repo(repo)
    write_files(repo, {**BASE, "pyproject.toml": BASE["pyproject.toml"] + policy})
    commit_all(repo, "base")
    write_files(repo, HEAD)
    commit_all(repo, "divide")
    # the usual run: the code is measured (``--source``), the tests and scripts are not
    command = [sys.executable, "-m", "coverage", "run", "--source=calc", "tests/test_calc.py"]
    env = {**clean_env(), "PYTHONPATH": str(repo)}
    subprocess.run(command, cwd=repo, env=env, check=True, capture_output=True)
    return repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _repo(tmp_path_factory.mktemp("gate-coverage"))


def test_the_untested_changed_line_fails_below_the_minimum(repo: Path) -> None:
    run = run_cli("gate", "--base", "HEAD~1", "--no-lint", "--format", "json", cwd=repo)
    assert run.code == 1, run.err
    document = run.json()
    problems = [(p["rule"], p["path"], p["line"], p["level"]) for p in document["problems"]]
    assert problems == [("CH508", "calc.py", 7, "error")]
    coverage = document["coverage"]
    assert (coverage["changed_statements"], coverage["covered"]) == (4, 3)
    assert coverage["files"][0]["uncovered"] == [[7, 7]]
    assert coverage["files"][0]["functions"][0]["qualname"] == "divide"


def test_text_and_markdown_show_the_lines(repo: Path) -> None:
    text = run_cli("gate", "--base", "HEAD~1", "--no-lint", cwd=repo).out
    assert "3 of 4 changed statements covered by the tests (75 %)" in text
    assert "not covered: calc.py lines 7" in text
    markdown = run_cli("gate", "--base", "HEAD~1", "--no-lint", "--format", "markdown", cwd=repo)
    assert "| `calc.py` | 4 | 3 | 7 |" in markdown.out


def test_sarif_and_annotations_carry_it(repo: Path) -> None:
    sarif = run_cli("gate", "--base", "HEAD~1", "--no-lint", "--format", "sarif", cwd=repo)
    results = json.loads(sarif.out)["runs"][0]["results"]
    [result] = [r for r in results if r["ruleId"] == "CH508"]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 7
    github = run_cli("gate", "--base", "HEAD~1", "--no-lint", "--format", "github", cwd=repo)
    assert "::error file=calc.py,line=7" in github.out


def test_without_a_condition_only_the_summary_tells(tmp_path: Path) -> None:
    repo = _repo(tmp_path, policy="")
    run = run_cli("gate", "--base", "HEAD~1", "--no-lint", cwd=repo)
    assert run.code == 0, run.out
    assert "not covered: calc.py lines 7" in run.out
    assert "CH508" not in run.out


def test_a_file_that_is_no_coverage_data_is_exit_2_naming_it(repo: Path) -> None:
    (repo / "notes.txt").write_text("not coverage data\n")
    run = run_cli("gate", "--base", "HEAD~1", "--no-lint", "--coverage", "notes.txt", cwd=repo)
    assert run.code == 2
    assert "notes.txt" in run.err
    assert "Traceback" not in run.err


def test_another_projects_data_found_automatically_is_a_note(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / ".coverage").unlink()
    foreign = (
        '<?xml version="1.0" ?><coverage version="7.6"><sources><source>/ci/other</source>'
        '</sources><packages><package name="x"><classes><class name="a" filename="billing/'
        'invoice.py"><lines><line number="1" hits="1"/></lines></class></classes></package>'
        "</packages></coverage>"
    )
    (repo / "coverage.xml").write_text(foreign)
    run = run_cli("gate", "--base", "HEAD~1", "--no-lint", cwd=repo)
    assert run.code == 0, run.out
    assert "coverage.xml" in run.out and "another project" in run.out
