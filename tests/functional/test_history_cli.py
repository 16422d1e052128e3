"""``codehealth history`` / ``history show`` end to end: totals per commit in the store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from clitools import Run
from historytools import ANN, BOB, Step, commit, complex_function, git, make_history
from historytools import shallow_clone as clone

Cli = Callable[..., Run]
COMPLEX = 36  # cognitive complexity of complex_function(...)


def record(cli: Cli, repo: Path, *args: str) -> Any:
    run = cli("history", "--format", "json", *args, cwd=repo)
    assert run.code == 0, run.err
    return run.json()


def small_repo(path: Path) -> Path:
    return make_history(
        path,
        [
            Step(*ANN, 30, {"pkg/__init__.py": "", "pkg/a.py": complex_function("f", 0)}),
            Step(*BOB, 20, {"pkg/b.py": complex_function("g", 0), "README.md": "hi\n"}),
            Step(*ANN, 10, {"pkg/a.py": "def f():\n    return 1\n"}),
        ],
    )


def test_totals_per_commit(cli: Cli, tmp_path: Path):
    repo = small_repo(tmp_path / "r")
    result = record(cli, repo)
    cognitive = [s["totals"]["cognitive"] for s in result["snapshots"]]
    assert cognitive == [COMPLEX, 2 * COMPLEX, COMPLEX]
    assert [s["totals"]["files"] for s in result["snapshots"]] == [2, 3, 3]
    assert [s["author"] for s in result["snapshots"]] == [
        "Ann Example",
        "Bob Builder",
        "Ann Example",
    ]
    last = result["snapshots"][-1]
    assert last["totals"]["debt_minutes"] > 0
    assert last["totals"]["findings.complexity"] >= 2
    assert last["modules"]["pkg"]["cognitive"] == COMPLEX
    assert result["new_commits"] == 3 and result["analysed_blobs"] == 4


def test_a_rerun_processes_only_new_commits_and_new_blobs(cli: Cli, tmp_path: Path):
    repo = small_repo(tmp_path / "r")
    record(cli, repo)
    again = record(cli, repo)
    assert again["new_commits"] == 0 and again["analysed_blobs"] == 0
    assert len(again["snapshots"]) == 3
    commit(repo, Step(*BOB, 1, {"pkg/c.py": "x = 1\n", "pkg/a.py": complex_function("f", 0)}))
    more = record(cli, repo)
    # a.py returns to content measured before: only c.py's blob is new
    assert more["new_commits"] == 1 and more["analysed_blobs"] == 1 and more["reused_blobs"] == 1
    assert more["snapshots"][-1]["totals"]["cognitive"] == 2 * COMPLEX
    assert (repo / ".codehealth" / "history.sqlite").is_file()


def test_a_rewritten_history_is_recorded_again_without_measuring_known_blobs(
    cli: Cli, tmp_path: Path
):
    repo = small_repo(tmp_path / "r")
    record(cli, repo)
    git(repo, "commit", "-q", "--amend", "-m", "rewritten")
    result = record(cli, repo)
    assert result["new_commits"] == 3 and result["analysed_blobs"] == 0
    assert any("recorded again" in note for note in result["notes"])


def test_show_prints_the_trend_with_a_chart(cli: Cli, tmp_path: Path):
    repo = small_repo(tmp_path / "r")
    run = cli("history", "show", cwd=repo)
    assert run.code == 0
    assert "Trend over 3 commits" in run.out
    line = next(line for line in run.out.splitlines() if line.startswith("cognitive"))
    assert line.split()[1:4] == [str(COMPLEX), str(COMPLEX), "0"]
    assert line.split()[4] == "▁█▁"
    assert "\x1b[" not in run.out and run.err == ""


def test_json_holds_no_progress_output(cli: Cli, tmp_path: Path):
    repo = small_repo(tmp_path / "r")
    run = cli("history", "show", "--format", "json", cwd=repo)
    assert run.code == 0 and run.err == ""
    assert run.json()["schema_version"] == 1


def test_merges_on_the_main_line_are_one_step(cli: Cli, tmp_path: Path):
    repo = make_history(tmp_path / "r", [Step(*ANN, 10, {"a.py": "x = 1\n"})])
    git(repo, "checkout", "-q", "-b", "topic")
    commit(repo, Step(*BOB, 9, {"b.py": complex_function("g", 1)}))
    git(repo, "checkout", "-q", "main")
    commit(repo, Step(*ANN, 8, {"c.py": "y = 1\n"}))
    git(repo, "merge", "-q", "--no-ff", "--no-edit", "topic")
    result = record(cli, repo)
    assert [s["totals"]["files"] for s in result["snapshots"]] == [1, 2, 3]
    assert result["snapshots"][-1]["totals"]["cognitive"] == COMPLEX


def test_commits_with_no_python_changes(cli: Cli, tmp_path: Path):
    repo = make_history(tmp_path / "r", [Step(*ANN, 2 - i, {"doc.md": f"{i}\n"}) for i in range(2)])
    result = record(cli, repo)
    assert len(result["snapshots"]) == 2
    assert all(s["totals"].get("files", 0) == 0 for s in result["snapshots"])
    assert any("no Python files" in note for note in result["notes"])


def test_not_a_git_repository_is_exit_2(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    run = cli("history", cwd=tmp_path)
    assert run.code == 2 and "not a git repository" in run.err


def test_an_empty_repository_is_exit_2(cli: Cli, tmp_path: Path):
    """No commit: nothing to record (it was exit 0 with a note)."""
    git(tmp_path, "init", "-q")
    run = cli("history", "--format", "json", cwd=tmp_path)
    assert run.code == 2 and run.out == ""
    assert "no commits yet" in run.err


def test_a_shallow_clone_is_marked_truncated(cli: Cli, tmp_path: Path):
    repo = small_repo(tmp_path / "r")
    shallow = clone(repo, tmp_path / "clone", depth=2)
    result = record(cli, shallow)
    assert result["truncated"] == 2
    assert any("history truncated at 2 commits" in note for note in result["notes"])
    # the first recorded commit holds everything before it
    assert result["snapshots"][0]["totals"]["files"] == 3


def test_a_corrupt_store_is_rebuilt_with_a_note(cli: Cli, tmp_path: Path):
    repo = small_repo(tmp_path / "r")
    store = repo / ".codehealth" / "history.sqlite"
    store.parent.mkdir()
    store.write_bytes(b"this is not a database" * 100)
    result = record(cli, repo)
    assert len(result["snapshots"]) == 3
    assert any("unusable" in note and "rebuilt" in note for note in result["notes"])


def test_limit_starts_from_the_tree_n_commits_below_head(cli: Cli, tmp_path: Path):
    repo = small_repo(tmp_path / "r")
    full = record(cli, repo)["snapshots"]
    (repo / ".codehealth" / "history.sqlite").unlink()
    limited = record(cli, repo, "--limit", "1")
    assert len(limited["snapshots"]) == 1
    assert limited["snapshots"][0]["totals"] == full[-1]["totals"]
    assert any("1 commits below HEAD" in note for note in limited["notes"])


def test_a_file_name_that_is_not_utf8(cli: Cli, tmp_path: Path):
    """The store keeps the tree's paths: a Latin-1 name (surrogate-escaped) was an internal
    error when saved; it must also be read back for the next run's increment."""
    latin = "pkg/caf\udce9.py"
    repo = make_history(
        tmp_path / "r",
        [Step(*ANN, 30, {"pkg/__init__.py": "", latin: complex_function("f", 0)})],
    )
    assert [s["totals"]["cognitive"] for s in record(cli, repo)["snapshots"]] == [COMPLEX]
    commit(repo, Step(*BOB, 20, {"pkg/b.py": complex_function("g", 0)}))
    result = record(cli, repo)
    assert result["new_commits"] == 1
    assert [s["totals"]["cognitive"] for s in result["snapshots"]] == [COMPLEX, 2 * COMPLEX]
    assert result["snapshots"][-1]["totals"]["files"] == 3


def test_files_not_analysed_at_head_are_named_with_their_reason(cli: Cli, tmp_path: Path):
    repo = make_history(
        tmp_path / "r",
        [
            Step(*ANN, 30, {"pkg/__init__.py": "", "pkg/old.py": 'print "py2"\n'}),
            Step(*BOB, 20, {"pkg/old.py": "print('fixed')\n", "pkg/nul.py": "x = 1\0\n"}),
        ],
    )
    for _ in range(2):  # recorded, then read back from the store
        result = record(cli, repo)
        notes = [n for n in result["notes"] if n.startswith("not analysed: ")]
        # Only HEAD's tree: old.py was fixed in the last commit.
        assert notes == [
            "not analysed: pkg/nul.py: the file contains NUL bytes, so it is not Python source"
        ]
        assert [s["totals"].get("not_analysed", 0) for s in result["snapshots"]] == [1, 1]
