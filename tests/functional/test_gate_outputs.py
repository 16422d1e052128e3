"""``gate --output FORMAT=PATH``: several reports from one analysis, each the text ``--format``
prints; a bad value fails (exit 2) before the analysis; the step summary written once."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from clitools import Run, assert_no_traceback
from test_gate_ci_formats import _changed

FILE_FORMATS = ("markdown", "json", "github", "sarif", "gitlab", "junit")


def test_one_run_writes_every_format_as_its_format_prints_it(
    make_repo: Callable[..., Path], cli: Callable[..., Run], tmp_path: Path
) -> None:
    repo = _changed(make_repo)
    out = tmp_path / "reports"
    out.mkdir()
    wanted = [f"--output={name}={out / name}" for name in FILE_FORMATS]
    run = cli("gate", "--base", "main", "--no-lint", "--format", "table", *wanted, cwd=repo)
    assert run.code == 1, run.err
    assert run.out.startswith("codehealth gate: merge base")  # the terminal's is the table
    assert "pkg/mod.py:2  CH201" in run.out
    for name in FILE_FORMATS:
        alone = cli("gate", "--base", "main", "--no-lint", "--format", name, cwd=repo)
        assert (out / name).read_text(encoding="utf-8") == alone.out, name

    sarif = json.loads((out / "sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"CH201"} and len(results) == 3
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "pkg/mod.py"
    junit = ET.fromstring((out / "junit").read_text(encoding="utf-8"))
    failures = junit.findall(".//testcase/failure")
    assert junit.get("failures") == "3" and len(failures) == 3
    assert failures[0].get("type") == "CH201"
    markdown = (out / "markdown").read_text(encoding="utf-8")
    assert markdown.startswith("## ❌ codehealth gate") and "`pkg/mod.py:2`" in markdown
    gitlab = json.loads((out / "gitlab").read_text(encoding="utf-8"))
    assert {issue["check_name"] for issue in gitlab} == {"CH201"}
    github = (out / "github").read_text(encoding="utf-8")
    assert github.startswith("::error file=pkg/mod.py,line=2,")  # plain text in a file
    assert "::error" not in run.out  # and no workflow command reached the terminal
    assert json.loads((out / "json").read_text(encoding="utf-8"))["passed"] is False


def test_the_step_summary_is_written_once_when_an_output_is_that_file(
    make_repo: Callable[..., Path],
    cli: Callable[..., Run],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repo = _changed(make_repo)
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")  # the runner creates it empty for the step
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run = cli("gate", "--base", "main", "--no-lint", f"--output=markdown={summary}", cwd=repo)
    assert run.code == 1, run.err
    text = summary.read_text(encoding="utf-8")
    assert text.count("codehealth gate") == 1 and "pkg/mod.py:2" in text
    # without the --output, the summary is still appended (one copy per run)
    cli("gate", "--base", "main", "--no-lint", cwd=repo)
    assert summary.read_text(encoding="utf-8") == text + text


BAD = [
    (["sarif"], "--output 'sarif': give FORMAT=PATH"),
    (["xml=out.xml"], "unknown format 'xml'; choose one of table, markdown"),
    (["sarif="], "--output 'sarif=': the path is empty"),
    (["sarif=out.txt", "json=./out.txt"], "out.txt is given twice (sarif=out.txt and json="),
    (["sarif=missing/out.sarif"], "the folder missing does not exist: create it first"),
    (["sarif=pkg"], "pkg is a folder: give a file name"),
]


@pytest.mark.parametrize(("values", "message"), BAD)
def test_a_bad_output_fails_before_the_analysis(
    make_repo: Callable[..., Path], cli: Callable[..., Run], values: list[str], message: str
) -> None:
    repo = _changed(make_repo)
    before = sorted(path.name for path in repo.iterdir())
    options = [f"--output={value}" for value in values]
    run = cli("gate", "--base", "main", "--no-lint", *options, cwd=repo)
    assert run.code == 2, run.out
    assert message in run.err
    assert_no_traceback(run.err)
    assert run.out == ""  # no report: the analysis did not run
    # nothing written, not even the analysis' cache folder
    assert sorted(path.name for path in repo.iterdir()) == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")
def test_an_output_folder_that_cannot_be_written_fails_before_the_analysis(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    # /proc refuses new files even to root (who ignores permission bits)
    repo = _changed(make_repo)
    run = cli("gate", "--base", "main", "--no-lint", "--output=sarif=/proc/out.sarif", cwd=repo)
    assert run.code == 2 and run.out == ""
    assert "--output sarif=/proc/out.sarif: the folder /proc is not writable" in run.err
    assert not (repo / ".codehealth").exists()
