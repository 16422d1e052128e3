"""Whether the work tree's Python files are the index's: the quick comparison with a walk's
listing gives git's own answer (untracked, ignored, deleted, files outside the packages)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from codehealth.adapters.git import python_files_differ_from_index


def _git(repo: Path, *args: str) -> None:
    env = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo)}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for name in ("pkg/__init__.py", "pkg/a.py", "pkg/tools/run.py", "pkg/data.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x = 1\n")
    (tmp_path / ".gitignore").write_text("_version.py\n")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    return tmp_path


def _walked(repo: Path) -> list[str]:
    """The Python files of the package as a module walk finds them (pkg/tools has no
    __init__.py, so its file is not one)."""
    return [
        os.path.join(folder, name)
        for folder, _, names in os.walk(repo / "pkg")
        for name in names
        if name.endswith(".py") and "tools" not in folder
    ]


def _both(repo: Path) -> tuple[bool, bool]:
    folders = [str(repo / "pkg")]
    return (
        python_files_differ_from_index(str(repo), folders, _walked(repo)),
        python_files_differ_from_index(str(repo), folders),
    )


def test_a_clean_tree_does_not_differ(repo: Path) -> None:
    assert _both(repo) == (False, False)


def test_an_untracked_module_differs(repo: Path) -> None:
    (repo / "pkg" / "new.py").write_text("y = 2\n")
    assert _both(repo) == (True, True)


def test_an_ignored_module_does_not(repo: Path) -> None:
    (repo / "pkg" / "_version.py").write_text("v = '1'\n")
    assert _both(repo) == (False, False)


def test_a_deleted_module_differs_even_outside_the_walk(repo: Path) -> None:
    (repo / "pkg" / "tools" / "run.py").unlink()
    assert _both(repo) == (True, True)
    _git(repo, "checkout", "--", "pkg/tools/run.py")
    (repo / "pkg" / "a.py").unlink()
    assert _both(repo) == (True, True)


def test_an_untracked_file_no_walk_finds_is_not_a_module(repo: Path) -> None:
    """git's own walk counts it; the module list, which is what the answer is for, does not."""
    (repo / "pkg" / "tools" / "other.py").write_text("z = 3\n")
    assert _both(repo) == (False, True)
