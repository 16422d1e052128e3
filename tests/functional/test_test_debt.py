"""Tests are judged as tests: their complexity is the test debt, apart from the production
debt, in ``debt``, ``plan``, ``hotspots`` and ``report --html``."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clitools import Run, assert_no_traceback

COMPLEX = """def {name}(a, b, c, d):
    total = 0
    for x in a:
        if x:
            for y in b:
                if y and c or d:
                    while c:
                        if d:
                            total += 1
                        elif x > y:
                            total -= 1
                        else:
                            break
    return total
"""

PYPROJECT = '[project]\nname = "judged"\nversion = "0"\n'

FILES = {
    "pyproject.toml": PYPROJECT,
    "app/__init__.py": "",
    "app/core.py": COMPLEX.format(name="compute"),
    # celery's layout: tests under a top-level t/
    "t/unit/test_core.py": COMPLEX.format(name="test_compute") + "# TODO: split\n",
    "tests/test_more.py": COMPLEX.format(name="test_more"),
}
IN_DEBT = "\n[tool.codehealth.tests]\nin_debt = true\n"
TEST_FILES = {"t/unit/test_core.py", "tests/test_more.py"}


def _json(run: Run) -> dict[str, Any]:
    assert_no_traceback(run.err)
    assert run.code == 0, run.err
    document: dict[str, Any] = run.json()
    return document


def _debt(cli: Callable[..., Run], repo: Path) -> dict[str, Any]:
    return _json(cli("debt", "--no-boundaries", "--format", "json", cwd=repo))


def _both(make_repo: Callable[..., Path], cli: Callable[..., Run]) -> tuple[dict, dict]:
    """The debt JSON by default and with in_debt = true."""
    default = _debt(cli, make_repo("judged", FILES))
    counted = _debt(cli, make_repo("counted", {**FILES, "pyproject.toml": PYPROJECT + IN_DEBT}))
    return default, counted


def _rules(findings: list[dict[str, Any]], prefix: str = "CH10") -> set[tuple[str, str]]:
    return {(f["path"], f["rule"]) for f in findings if f["rule"].startswith(prefix)}


def test_test_complexity_is_the_test_debt(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    default, counted = _both(make_repo, cli)
    complexity = _rules(counted["findings"])
    assert {path for path, _ in complexity} == {"app/core.py", *TEST_FILES}
    in_tests = {c for c in complexity if c[0] in TEST_FILES}
    # by default the tests' complexity findings move to the test debt ...
    assert _rules(default["test_findings"], "") == in_tests
    assert _rules(default["findings"]) == complexity - in_tests
    # ... while their other findings (the marker) stay in the production debt
    assert ("t/unit/test_core.py", "CH201") in _rules(default["findings"], "CH2")
    assert default["test_debt"]["findings"] == len(in_tests)
    assert default["test_debt_counted"] is False
    assert {t["path"] for t in default["test_fix_first"]} == TEST_FILES


def test_in_debt_restores_the_old_figures(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    default, counted = _both(make_repo, cli)
    test_debt = default["test_debt"]
    assert test_debt["minutes"] > 0
    assert default["project"]["minutes"] + test_debt["minutes"] == counted["project"]["minutes"]
    assert default["project"]["findings"] + test_debt["findings"] == counted["project"]["findings"]
    assert counted["test_debt_counted"] is True
    assert counted["test_findings"] == []
    assert counted["test_debt"]["minutes"] == 0


def test_the_table_and_markdown_show_the_test_debt_after_the_debt(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("judged", FILES)
    hours = _debt(cli, repo)["test_debt"]["hours"]
    table = cli("debt", "--no-boundaries", cwd=repo).out.splitlines()
    assert table[0].startswith("Technical debt: ")
    test_line = next(i for i, line in enumerate(table) if line.startswith("Test debt: "))
    assert 0 < test_line < 4
    assert re.search(rf"Test debt: {hours:.1f}\d* h \(\d+ findings\)", table[test_line])
    markdown = cli("debt", "--no-boundaries", "--format", "markdown", cwd=repo).out
    assert "Test debt: **" in markdown
    assert markdown.index("Technical debt") < markdown.index("Test debt")
    counted = make_repo("counted", {**FILES, "pyproject.toml": PYPROJECT + IN_DEBT})
    table = cli("debt", "--no-boundaries", cwd=counted).out
    assert "Test debt: counted in the debt above" in table


def test_plan_leaves_test_refactors_out_unless_in_debt(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    def refactors(repo: Path) -> set[str]:
        """Files with a complexity refactor in the plan."""
        plan = _json(cli("plan", "--budget", "400h", "--format", "json", cwd=repo))
        targets = [t for session in plan["sessions"] for t in session["targets"]]
        assert targets
        return {t["path"] for t in targets if any(r.startswith("CH10") for r in t["rules"])}

    assert refactors(make_repo("judged", FILES)) == {"app/core.py"}
    counted = make_repo("counted", {**FILES, "pyproject.toml": PYPROJECT + IN_DEBT})
    assert refactors(counted) == {"app/core.py", *TEST_FILES}


def test_hotspots_mark_test_files(make_repo: Callable[..., Path], cli: Callable[..., Run]) -> None:
    repo = make_repo("judged", FILES)
    document = _json(cli("hotspots", "--format", "json", cwd=repo))
    marks = {row["path"]: row["test"] for row in document["files"]}
    assert {path for path, test in marks.items() if test} == TEST_FILES
    assert marks["app/core.py"] is False
    # shown, not hidden: a test file keeps its debt in the ranking
    debt = {row["path"]: row["debt_minutes"] for row in document["files"]}
    assert debt["tests/test_more.py"] > 0
    table = cli("hotspots", cwd=repo).out
    row = next(line for line in table.splitlines() if "tests/test_more.py" in line)
    assert " test " in row


def test_the_html_report_shows_the_test_debt(
    make_repo: Callable[..., Path], cli: Callable[..., Run], tmp_path: Path
) -> None:
    repo = make_repo("judged", FILES)
    hours = _debt(cli, repo)["test_debt"]["hours"]
    run = cli("report", "--html", str(tmp_path / "out"), cwd=repo)
    assert run.code == 0, run.err
    page = (tmp_path / "out" / "index.html").read_text()
    found = re.search(r'id="report-data">(.*?)</script>', page, re.DOTALL)
    assert found is not None
    data = json.loads(found.group(1))
    assert data["debt"]["test_hours"] == round(hours, 1)
    assert data["debt"]["tests_counted"] is False
    assert {f["path"] for f in data["hotspots"]["files"] if f["test"]} == TEST_FILES


def test_scan_marks_test_files(make_repo: Callable[..., Path], cli: Callable[..., Run]) -> None:
    repo = make_repo("judged", FILES)
    run = cli("scan", "--format", "json", cwd=repo)
    document = _json(run)
    assert {f["path"] for f in document["files"] if f["test"]} == TEST_FILES
    in_tests = {v["path"] for v in document["violations"] if v["test"]}
    assert in_tests == TEST_FILES
    assert "app/core.py" in {v["path"] for v in document["violations"] if not v["test"]}
    summary = cli("scan", cwd=repo).out.splitlines()[-1]
    assert re.search(r"; \d+ of them in tests\)\.$", summary), summary
