"""``codehealth gate`` on awkward repositories: detached HEAD, merge commits, binary files,
paths with spaces and unicode."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from clitools import Run, assert_no_traceback, commit_all, git, write_files

FILES = {
    "pyproject.toml": '[project]\nname = "odd"\nversion = "0"\n',
    "pkg/__init__.py": "",
    "pkg/mod.py": "def f(x):\n    return x\n",
}


def _repo(make_repo: Callable[..., Path], files: dict[str, str | bytes] | None = None) -> Path:
    repo = make_repo("odd", {**FILES, **(files or {})})
    git(repo, "branch", "-M", "main")
    return repo


def _gate(cli: Callable[..., Run], repo: Path, *args: str) -> tuple[int, dict[str, Any]]:
    run = cli("gate", "--format", "json", "--no-lint", *args, cwd=repo)
    assert_no_traceback(run.err)
    assert run.code in (0, 1), run.err
    document: dict[str, Any] = run.json()
    return run.code, document


def test_detached_head(make_repo: Callable[..., Path], cli: Callable[..., Run]) -> None:
    repo = _repo(make_repo)
    write_files(repo, {"pkg/mod.py": "def f(x):\n    # TODO: detached\n    return x\n"})
    commit_all(repo, "on main")
    git(repo, "checkout", "--quiet", "--detach", "HEAD")
    code, document = _gate(cli, repo, "--base", "HEAD~1")
    assert code == 1
    assert [f["path"] for f in document["files"]] == ["pkg/mod.py"]


def test_a_merge_commit_as_head(make_repo: Callable[..., Path], cli: Callable[..., Run]) -> None:
    repo = _repo(make_repo)
    git(repo, "checkout", "--quiet", "-b", "feature")
    write_files(repo, {"pkg/feature.py": "def g(y):\n    # FIXME: feature\n    return y\n"})
    commit_all(repo, "feature")
    git(repo, "checkout", "--quiet", "main")
    write_files(repo, {"pkg/main_only.py": "def h(z):\n    # HACK: main\n    return z\n"})
    commit_all(repo, "main")
    git(repo, "checkout", "--quiet", "feature")
    git(repo, "merge", "--quiet", "--no-edit", "main")
    code, document = _gate(cli, repo, "--base", "main")
    assert code == 1
    # main's own change came in through the merge: it is not blamed on the branch.
    assert [f["path"] for f in document["files"]] == ["pkg/feature.py"]


def test_paths_with_spaces_and_unicode(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    name = "pkg/grüße und so.py"
    repo = _repo(make_repo, {name: "def f(x):\n    return x\n"})
    git(repo, "checkout", "--quiet", "-b", "feature")
    write_files(repo, {name: "def f(x):\n    # TODO: ümlaut\n    return x\n"})
    code, document = _gate(cli, repo, "--base", "main")
    assert code == 1
    assert {p["path"] for p in document["problems"] if p["fails"]} == {name}
    assert document["files"][0]["debt_before_minutes"] == 0


def test_binary_files_are_ignored_or_reported_without_a_crash(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = _repo(make_repo, {"data/blob.bin": b"\x00\x01\x02"})
    git(repo, "checkout", "--quiet", "-b", "feature")
    write_files(repo, {"data/blob.bin": b"\x00\xff\xfe", "pkg/bytes.py": b"\x00\xff\x00garbage"})
    code, document = _gate(cli, repo, "--base", "main")
    assert [f["path"] for f in document["files"]] == ["pkg/bytes.py"]  # .bin is not Python
    assert code == 1
    assert any(p["rule"] == "CH504" and p["path"] == "pkg/bytes.py" for p in document["problems"])


def test_a_deleted_file_with_debt_is_not_a_problem(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = _repo(make_repo, {"pkg/old.py": "def o():\n    # TODO: old\n    return 1\n"})
    git(repo, "checkout", "--quiet", "-b", "feature")
    git(repo, "rm", "--quiet", "pkg/old.py")
    code, document = _gate(cli, repo, "--base", "main")
    assert code == 0, document
    (summary,) = document["files"]
    assert summary["status"] == "D" and summary["debt_after_minutes"] == 0
    assert summary["debt_before_minutes"] > 0 and summary["fixed_findings"] == 1


def test_outside_a_git_repository_is_exit_2(tmp_path: Path, cli: Callable[..., Run]) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    run = cli("gate", "--base", "main", cwd=folder)
    assert run.code == 2
    assert "not inside a git repository" in run.err


def test_a_path_with_a_line_break(make_repo: Callable[..., Path], cli: Callable[..., Run]) -> None:
    """git cat-file --batch reads one name per line: such a path is read by its blob id
    (it was an exit 2 "cannot be read from git" before)."""
    name = "pkg/new\nline.py"
    repo = _repo(make_repo, {name: "def f(x):\n    return x\n"})
    write_files(repo, {name: "def f(x):\n    # TODO: line break\n    return x\n"})
    git(repo, "add", "--all")
    for args in (("--staged",), ("--base", "main")):
        code, document = _gate(cli, repo, *args)
        assert code == 1, args
        failing = {(p["rule"], p["path"]) for p in document["problems"] if p["fails"]}
        assert ("CH201", name) in failing, args
        assert document["files"][0]["debt_before_minutes"] == 0


def test_a_ruff_config_ruff_rejects_is_named_not_hidden(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    rejected = FILES["pyproject.toml"] + '\n[tool.ruff]\nline-length = "long"\n'
    repo = _repo(make_repo, {"pyproject.toml": rejected})
    write_files(repo, {"pkg/mod.py": "import os\n\n\ndef f(x):\n    return x\n"})
    run = cli("gate", "--base", "HEAD", "--format", "json", cwd=repo)
    assert_no_traceback(run.err)
    assert run.out, (run.code, run.err)
    notes = " ".join(run.json()["notes"])
    assert "ruff rejected the configuration" in notes
    assert "line-length" in notes  # ruff's own message, passed through
