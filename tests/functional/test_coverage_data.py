"""The coverage data of a sample project, measured by coverage.py itself, read in each of
the three formats: the figures are `coverage report`'s, paths from elsewhere are mapped,
stale and foreign data are reported."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clitools import RESOURCES, clean_env

from codehealth.core import ConfigError, Settings, file_coverage_span, function_coverage
from codehealth.metrics.coverage_step import load_coverage

FILES = ("pkg/__init__.py", "pkg/mod.py", "pkg/other.py", "run_it.py")


def _coverage(project: Path, *args: str) -> None:
    command = [sys.executable, "-m", "coverage", *args]
    subprocess.run(command, cwd=project, env=clean_env(), check=True, capture_output=True)


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project after `coverage run --branch`, with its xml, lcov and json reports."""
    project = tmp_path_factory.mktemp("covered") / "covered"
    shutil.copytree(RESOURCES / "covered", project)
    _coverage(project, "run", "--branch", "--source=pkg", "run_it.py")
    for report in (["xml"], ["lcov"], ["json", "-o", "report.json"]):
        _coverage(project, *report, "-q")
    return project


def _sources(project: Path) -> dict[str, bytes]:
    return {path: (project / path).read_bytes() for path in FILES}


def _load(project: Path, data_file: str | None) -> tuple:
    return load_coverage(str(project), Settings(root=str(project)), _sources(project), data_file)


@pytest.mark.parametrize("data_file", [".coverage", "coverage.xml", "coverage.lcov"])
def test_figures_are_coverage_reports(measured: Path, data_file: str) -> None:
    data, notes = _load(measured, data_file)
    assert notes == ()
    report = json.loads((measured / "report.json").read_text())["files"]["pkg/mod.py"]
    summary = report["summary"]
    whole = file_coverage_span(data.of("pkg/mod.py"))
    assert whole.lines == (summary["covered_lines"], summary["num_statements"])
    if data_file == "coverage.lcov":
        # coverage.py's LCOV has no BRDA record for the second exit of K.n's
        # `# pragma: no branch` line (its report counts it as taken, and so does its BRF)
        covered, total = summary["covered_branches"] - 1, summary["num_branches"] - 1
        assert whole.branches == (covered, total)
        return
    assert whole.branches == (summary["covered_branches"], summary["num_branches"])
    assert round(whole.rate * 100) == int(summary["percent_covered_display"])
    # coverage.py leaves out a file nothing imported: uncovered, not unknown
    other = file_coverage_span(data.of("pkg/other.py"))
    assert other.lines.covered == 0 and data.of("pkg/other.py").executed == frozenset()


def test_function_figures_are_coverage_py_s(measured: Path) -> None:
    data, _ = _load(measured, ".coverage")
    report = json.loads((measured / "report.json").read_text())["files"]["pkg/mod.py"]
    spans = {"tested": (6, 16), "untested": (19, 24), "partly": (27, 39), "K.n": (46, 49)}
    for name, (first, last) in spans.items():
        mine = function_coverage(data.of("pkg/mod.py"), first, last)
        theirs = report["functions"][name]["summary"]
        assert mine.lines == (theirs["covered_lines"], theirs["num_statements"]), name
        assert mine.branches == (theirs["covered_branches"], theirs["num_branches"]), name


def test_the_newest_usual_file_is_found(measured: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(measured, project)
    os.utime(project / "coverage.lcov", (2e9, 2e9))
    data, _ = _load(project, None)
    assert data.format == "lcov"
    (project / "coverage.lcov").unlink()
    os.utime(project / ".coverage", (2e9, 2e9))
    assert _load(project, None)[0].format == "coverage.py"


def test_without_data_there_is_no_coverage_and_nothing_to_say(tmp_path: Path) -> None:
    shutil.copytree(RESOURCES / "covered", tmp_path / "p")
    assert _load(tmp_path / "p", None) == (None, ())


def test_a_file_changed_after_the_run_is_unknown_and_named(measured: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(measured, project)
    for path in project.rglob("*.py"):
        os.utime(path, (0.5e9, 0.5e9))
    os.utime(project / ".coverage", (1e9, 1e9))
    os.utime(project / "pkg/mod.py", (1.5e9, 1.5e9))
    data, notes = _load(project, ".coverage")
    assert data.of("pkg/mod.py") is None
    assert data.stale == ("pkg/mod.py",)
    assert len(notes) == 1 and "pkg/mod.py" in notes[0] and "run the tests again" in notes[0]


def test_data_naming_lines_past_the_end_is_stale(measured: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(measured, project)
    (project / "pkg/mod.py").write_text("x = 1\n")
    os.utime(project / "pkg/mod.py", (1e9, 1e9))  # older than the data: only the lines tell
    data, notes = _load(project, "coverage.xml")
    assert data.stale == ("pkg/mod.py",)
    assert "run the tests again" in notes[0]


def test_paths_from_another_machine_are_mapped(measured: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(measured, project)
    lcov = (project / "coverage.lcov").read_text()
    lines = [
        "SF:/home/runner/work/covered/covered/" + line[3:] if line.startswith("SF:") else line
        for line in lcov.splitlines()
    ]
    lines += ["SF:/home/runner/work/covered/covered/vendor/gone.py", "DA:1,1", "end_of_record"]
    (project / "coverage.lcov").write_text("\n".join(lines) + "\n")
    data, notes = _load(project, "coverage.lcov")
    assert file_coverage_span(data.of("pkg/mod.py")).lines.covered > 0
    assert len(notes) == 1 and "vendor/gone.py" in notes[0] and "ignored" in notes[0]


def test_another_project_s_data_is_a_clear_error(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(RESOURCES / "covered", project)
    (project / "lcov.info").write_text("SF:/elsewhere/shop/cart.py\nDA:1,1\nend_of_record\n")
    with pytest.raises(ConfigError, match="none of its 1 files is in this project"):
        _load(project, "lcov.info")
    data, notes = _load(project, None)  # found, not asked for: a note
    assert data is None and "none of its 1 files" in notes[0]


def test_an_unusable_file_asked_for_fails_and_one_found_is_a_note(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(RESOURCES / "covered", project)
    (project / ".coverage").write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(ConfigError, match=r"cannot be read as coverage\.py data"):
        _load(project, ".coverage")
    data, notes = _load(project, None)
    assert data is None and notes[0].startswith("coverage: ignored .coverage:")
    with pytest.raises(ConfigError, match="no such coverage file"):
        _load(project, "missing.xml")
