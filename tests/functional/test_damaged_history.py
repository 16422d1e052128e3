"""hotspots, plan, history and report in a clone whose history git cannot read in full: a
blob deleted from ``.git/objects`` (as in a partial clone without its remote, or a pruned
object) costs only its line counts; a history that cannot be read at all is exit 2."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from clitools import Run
from historytools import ANN, BOB, Step, complex_function, git, make_history, shallow_clone

Cli = Callable[..., Run]
_DATA = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)
SMALL = "def f():\n    return 1\n"


@pytest.fixture(scope="module")
def repos(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, str]:
    """(intact, damaged, the deleted blob, the commits that need it): big.py's second
    version is gone; small.py changes in the commit that brought it."""
    intact = make_history(
        tmp_path_factory.mktemp("history") / "intact",
        [
            Step(*ANN, 60, {"app/__init__.py": "", "app/big.py": complex_function("price", 0)}),
            Step(
                *BOB,
                40,
                {"app/big.py": complex_function("price", 1), "app/small.py": SMALL + "X = 1\n"},
            ),
            Step(*ANN, 20, {"app/big.py": complex_function("price", 2)}),
            Step(*BOB, 10, {"app/small.py": SMALL + "X = 1\nY = 2\nZ = 3\n"}),
        ],
    )
    damaged = intact.parent / "damaged"
    shutil.copytree(intact, damaged)
    blob = git(damaged, "rev-parse", "HEAD~2:app/big.py").strip()
    commits = git(damaged, "rev-parse", "HEAD~2", "HEAD~1").split()  # brought, replaced it
    (damaged / ".git" / "objects" / blob[:2] / blob[2:]).unlink()  # loose: never packed
    return intact, damaged, blob, " ".join(commits)


def _json(cli: Cli, repo: Path, *args: str) -> Any:
    run = cli(*args, "--format", "json", cwd=repo)
    assert run.code == 0, run.err
    return run.json()


def _files(report: Any) -> dict[str, Any]:
    return {row["path"]: row for row in report["files"]}


def _names_the_damage(notes: list[str], blob: str, commits: str) -> None:
    """Each note naming the blob names a commit that needs it, the file and the fix."""
    found = [note for note in notes if blob in note]
    assert found, notes
    for note in found:
        assert any(f"(commit {sha}" in note for sha in commits.split()) and "app/big.py" in note
        assert "git fsck" in note and "git fetch --refetch" in note and "fetch-depth: 0" in note


def test_hotspots_counts_everything_but_the_unreadable_lines(
    cli: Cli, repos: tuple[Path, Path, str, str]
):
    intact, damaged, blob, commit = repos
    good, bad = _json(cli, intact, "hotspots"), _json(cli, damaged, "hotspots")
    _names_the_damage(bad["notes"], blob, commit)
    assert any("2 commits need it" in note for note in bad["notes"])
    assert bad["commits"] == good["commits"] == 4
    before, after = _files(good), _files(bad)
    small = {key: value for key, value in after["app/small.py"].items() if key != "age_months"}
    assert small == {k: v for k, v in before["app/small.py"].items() if k != "age_months"}
    assert small["added"] == 5 and small["revisions"] == 2  # its counts are intact
    # big.py: the two commits that read the missing blob still count, their lines do not
    assert after["app/big.py"]["revisions"] == before["app/big.py"]["revisions"] == 3
    assert 0 < after["app/big.py"]["added"] < before["app/big.py"]["added"]
    # the functions of the hotspot file are still ranked (from the readable commits)
    assert any(row["path"] == "app/big.py" for row in bad["functions"])
    again = _json(cli, damaged, "hotspots")  # from the cached log: the note stays
    _names_the_damage(again["notes"], blob, commit)


def test_plan_runs_with_the_note(cli: Cli, repos: tuple[Path, Path, str, str]):
    _, damaged, blob, commit = repos
    plan = _json(cli, damaged, "plan", "--budget", "8h", "--no-cache")
    _names_the_damage(plan["notes"], blob, commit)
    assert any(t["path"] == "app/big.py" for s in plan["sessions"] for t in s["targets"])


def test_history_counts_the_unreadable_version_as_not_analysed(
    cli: Cli, repos: tuple[Path, Path, str, str], tmp_path: Path
):
    _, damaged, blob, commit = repos
    repo = tmp_path / "copy"
    shutil.copytree(damaged, repo, ignore=shutil.ignore_patterns(".codehealth"))
    result = _json(cli, repo, "history")
    _names_the_damage(result["notes"], blob, commit)
    totals = [s["totals"] for s in result["snapshots"]]
    assert len(totals) == 4
    assert totals[1].get("unreadable") == 1 and totals[2].get("unreadable", 0) == 0
    assert totals[1]["functions"] == 1  # small.py's f(); big.py's price() is not measured
    assert totals[2]["functions"] == 2  # the next version of big.py is


def test_the_report_is_written_with_the_note(cli: Cli, repos: tuple[Path, Path, str, str]):
    _, damaged, blob, commit = repos
    run = cli("report", "--html", "out", cwd=damaged)
    assert run.code == 0, run.err
    (text,) = _DATA.findall((damaged / "out" / "index.html").read_text(encoding="utf-8"))
    data = json.loads(text)
    _names_the_damage(data["notes"], blob, commit)
    assert "app/big.py" in {row["path"] for row in data["hotspots"]["files"]}


def test_a_history_that_cannot_be_read_is_exit_2_and_the_page_says_so(
    cli: Cli, repos: tuple[Path, Path, str, str], tmp_path: Path
):
    """A commit object gone: no walk can pass it."""
    intact = repos[0]
    repo = tmp_path / "broken"
    shutil.copytree(intact, repo, ignore=shutil.ignore_patterns(".codehealth"))
    parent = git(repo, "rev-parse", "HEAD~1").strip()
    (repo / ".git" / "objects" / parent[:2] / parent[2:]).unlink()
    for args in (("hotspots",), ("plan", "--budget", "8h"), ("history",)):
        run = cli(*args, cwd=repo)
        assert run.code == 2, (args, run.err)
        assert "history cannot be read" in run.err and "git fsck" in run.err, run.err
    run = cli("report", "--html", "out", cwd=repo)
    assert run.code == 0, run.err
    (text,) = _DATA.findall((repo / "out" / "index.html").read_text(encoding="utf-8"))
    notes = json.loads(text)["notes"]
    assert any(n.startswith("no hotspots and refactor plan: the git history") for n in notes)
    assert any(n.startswith("no trend: the git history cannot be read") for n in notes)


def test_the_report_of_a_shallow_clone_names_the_missing_parts(
    cli: Cli, repos: tuple[Path, Path, str, str], tmp_path: Path
):
    clone = shallow_clone(repos[0], tmp_path / "clone", depth=1)
    run = cli("report", "--html", "out", cwd=clone)
    assert run.code == 0, run.err
    (text,) = _DATA.findall((clone / "out" / "index.html").read_text(encoding="utf-8"))
    data = json.loads(text)
    (note,) = [n for n in data["notes"] if n.startswith("no hotspots and refactor plan:")]
    assert "shallow clone of 1 commits" in note and "fetch-depth: 0" in note
    assert data["hotspots"]["files"] == [] and data["debt"]["files"] == 3
