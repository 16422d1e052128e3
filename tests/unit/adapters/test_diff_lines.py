"""The lines a change wrote at its head side, from one ``git diff -U0``: rewritten and added
lines count, deleted ones do not, a pure rename has none, the work tree and the index are
sides too."""

from __future__ import annotations

import subprocess
from pathlib import Path

from codehealth.adapters.git import STAGED, WORKTREE
from codehealth.adapters.git.diff_lines import changed_head_lines


def _git(repo: Path, *args: str) -> None:
    env = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo)}
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo, env=env, check=True
    )


def _base(repo: Path) -> None:
    (repo / "a.py").write_text("".join(f"line{n}\n" for n in range(1, 11)))
    (repo / "moved.py").write_text("".join(f"keep{n}\n" for n in range(1, 11)))
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "base")


def test_rewritten_and_added_lines_in_head_numbers(tmp_path: Path) -> None:
    _base(tmp_path)
    lines = [f"line{n}\n" for n in range(1, 11)]
    lines[2] = "changed3\n"  # line 3 rewritten
    del lines[5]  # line 6 deleted: nothing at the head side
    lines[7:7] = ["new a\n", "new b\n"]  # two lines added after line9 (head 8, 9)
    (tmp_path / "a.py").write_text("".join(lines))
    _git(tmp_path, "mv", "moved.py", "renamed.py")

    found = changed_head_lines(str(tmp_path), "HEAD", WORKTREE, ["a.py", "moved.py", "renamed.py"])

    assert found == {"a.py": ((3, 3), (8, 9))}  # the pure rename wrote no line


def test_the_index_is_a_side(tmp_path: Path) -> None:
    _base(tmp_path)
    (tmp_path / "a.py").write_text("first\n" + (tmp_path / "a.py").read_text())
    _git(tmp_path, "add", "a.py")
    (tmp_path / "a.py").write_text("not staged\n")

    assert changed_head_lines(str(tmp_path), "HEAD", STAGED, ["a.py"]) == {"a.py": ((1, 1),)}


def test_no_paths_asks_git_nothing_and_a_bad_base_gives_nothing(tmp_path: Path) -> None:
    _base(tmp_path)
    assert changed_head_lines(str(tmp_path), "HEAD", WORKTREE, []) == {}
    assert changed_head_lines(str(tmp_path), "no-such-ref", WORKTREE, ["a.py"]) == {}
