"""The git runner: one error path for every git command codehealth runs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from codehealth.adapters.git import GitError
from codehealth.adapters.git.runner import finish_git, git_output, run_git, start_git

SRC = Path(__file__).resolve().parents[3] / "src" / "codehealth"
_IDENTITY = ("-c", "user.name=T", "-c", "user.email=t@example.com")


@pytest.fixture
def repo(tmp_path: Path) -> str:
    """A git repository with one commit holding ``a.py``."""
    root = str(tmp_path)
    git_output(root, "init", "--quiet")
    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")
    git_output(root, "add", "a.py")
    git_output(root, *_IDENTITY, "commit", "--quiet", "-m", "first")
    return root


@pytest.fixture
def no_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A PATH on which there is no git."""
    empty = tmp_path / "no-git-here"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def test_a_command_that_works_gives_its_output(repo: str) -> None:
    result = run_git(repo, "ls-files")
    assert result.ok and result.code == 0
    assert result.text() == "a.py"


def test_stdin_is_passed_to_git(repo: str) -> None:
    blob = git_output(repo, "hash-object", "--stdin", stdin=b"x = 1\n").decode().strip()
    assert git_output(repo, "cat-file", "-p", blob) == b"x = 1\n"


def test_a_failing_command_gives_ok_false_and_gits_message(repo: str) -> None:
    result = run_git(repo, "rev-parse", "--verify", "no-such-ref")
    assert not result.ok
    assert result.code is not None and result.code != 0
    assert result.message == "fatal: Needed a single revision"
    assert result.stdout == b""


def test_a_failure_without_output_says_so(repo: str) -> None:
    result = run_git(repo, "rev-parse", "--verify", "--quiet", "no-such-ref")
    assert not result.ok and result.message == "no message"


def test_outside_a_repository_git_says_so(tmp_path: Path) -> None:
    result = run_git(str(tmp_path), "rev-parse", "--show-toplevel")
    assert not result.ok and "not a git repository" in result.message


@pytest.mark.usefixtures("no_git")
def test_a_missing_git_gives_code_none_and_why(tmp_path: Path) -> None:
    result = run_git(str(tmp_path), "status")
    assert result.code is None and not result.ok
    assert result.message.startswith("git could not be run")
    assert result.stdout == b""


def test_git_output_raises_git_error_naming_the_command(repo: str) -> None:
    with pytest.raises(GitError, match=r"^git rev-parse failed: fatal: Needed a single revision"):
        git_output(repo, "rev-parse", "--verify", "no-such-ref")


def test_git_output_names_the_command_after_config_options(repo: str) -> None:
    with pytest.raises(GitError, match=r"^git cat-file failed: "):
        git_output(repo, "-c", "core.quotepath=off", "cat-file", "-p", "0" * 40)


@pytest.mark.usefixtures("no_git")
def test_git_output_without_git_raises_git_error(tmp_path: Path) -> None:
    with pytest.raises(GitError, match=r"^git could not be run"):
        git_output(str(tmp_path), "status")


def test_a_streaming_command_is_read_and_finished(repo: str) -> None:
    args = ["log", "--format=%s"]
    process = start_git(repo, args)
    assert process.stdout is not None
    assert process.stdout.read() == b"first\n"
    finish_git(process, args)  # no error


def test_finish_git_reports_a_failed_streaming_command(repo: str) -> None:
    args = ["log", "no-such-ref", "--"]
    process = start_git(repo, args)
    assert process.stdout is not None
    assert process.stdout.read() == b""
    with pytest.raises(GitError, match=r"^git log failed: fatal: .*no-such-ref"):
        finish_git(process, args)


def test_a_streaming_command_takes_requests_on_stdin(repo: str) -> None:
    process = start_git(repo, ["cat-file", "--batch-check"], stdin=True, errors=False)
    output, _ = process.communicate(b"HEAD:a.py\nHEAD:missing.py\n")
    lines = output.decode().splitlines()
    assert lines[0].endswith(" blob 6") and lines[1] == "HEAD:missing.py missing"
    assert process.returncode == 0


@pytest.mark.usefixtures("no_git")
def test_start_git_without_git_raises_git_error(tmp_path: Path) -> None:
    with pytest.raises(GitError, match=r"^git could not be run"):
        start_git(str(tmp_path), ["log"])


def _modules_using_subprocess() -> set[str]:
    found = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            if any(name.split(".")[0] == "subprocess" for name in names):
                found.add(path.relative_to(SRC).as_posix())
    return found


def test_only_the_runner_and_the_linters_start_processes() -> None:
    # and the warm-run check's one `git ls-files`, which runs before the runner's imports
    expected = {"adapters/git/runner.py", "adapters/linters/run.py", "adapters/replay/inputs.py"}
    assert _modules_using_subprocess() == expected


def test_every_git_maps_its_packs_in_bounded_windows(repo: str) -> None:
    # the mapped pages of a pack count in git's resident memory (issue 18)
    assert git_output(repo, "config", "core.packedGitLimit").strip() == b"128m"
    process = start_git(repo, ["config", "core.packedGitWindowSize"])
    assert process.stdout is not None and process.stdout.read().strip() == b"32m"
    finish_git(process, ["config"])
