"""Rule CH601 (crap-risk) on its data files: tests/rules/CH601/{fail,pass} each hold a
function and the LCOV data of a test run; ship() has cyclomatic complexity 7."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from codehealth.adapters.files import load_catalogue
from codehealth.core import BranchCount, CoverageData, FileCoverage, FileMetrics, Settings
from codehealth.findings import crap_findings
from codehealth.metrics import analyze_source, load_coverage

CASES = Path(__file__).resolve().parents[2] / "rules" / "CH601"
CATALOGUE = load_catalogue()


def _found(case: Path, tmp_path: Path) -> list[str]:
    folder = tmp_path / case.name
    shutil.copytree(case, folder)
    source = (folder / "ship.py").read_bytes()
    metrics = analyze_source(source, "ship.py")
    assert isinstance(metrics, FileMetrics)
    for name in ("ship.py", "lcov.info"):  # the data is newer than the source
        os.utime(folder / name, (1e9 if name == "ship.py" else 2e9,) * 2)
    data, notes = load_coverage(str(folder), Settings(root=str(folder)), {"ship.py": source})
    assert data is not None and not notes
    return [f.rule for f in crap_findings([metrics], data, CATALOGUE)]


@pytest.mark.parametrize(("kind", "expected"), [("fail", ["CH601"]), ("pass", [])])
def test_rule_behaviour_from_its_data_files(kind: str, expected: list[str], tmp_path: Path) -> None:
    assert _found(CASES / kind, tmp_path) == expected


def _metrics() -> FileMetrics:
    metrics = analyze_source((CASES / "fail" / "ship.py").read_bytes(), "ship.py")
    assert isinstance(metrics, FileMetrics)
    return metrics


def test_no_data_no_finding_and_stale_data_is_not_judged() -> None:
    assert crap_findings([_metrics()], None, CATALOGUE) == []
    stale = CoverageData({}, "lcov.info", "lcov", stale=("ship.py",))
    assert crap_findings([_metrics()], stale, CATALOGUE) == []


def test_the_cost_grows_with_the_score() -> None:
    untested = FileCoverage("ship.py", frozenset({1, 2, 3}), frozenset({1}))
    data = CoverageData({"ship.py": untested}, "lcov.info", "lcov")
    (finding,) = crap_findings([_metrics()], data, CATALOGUE)
    cyclomatic = _metrics().functions[0].cyclomatic
    score = cyclomatic**2 + cyclomatic  # nothing after the def line ran
    assert finding.remediation_minutes == pytest.approx(15 + 0.5 * (score - 30))
    assert f"CRAP {score}" in finding.message and "covered 0%" in finding.message
    # one of the nine statements after the def line ran, and one of two exits of line 2
    some = FileCoverage(
        "ship.py", frozenset(range(1, 11)), frozenset({1, 2}), {2: BranchCount(2, 1)}
    )
    partly = crap_findings([_metrics()], CoverageData({"ship.py": some}, "x", "lcov"), CATALOGUE)
    assert partly[0].remediation_minutes < finding.remediation_minutes
