"""The workspace walk remembered by its folders' statuses: a pyproject.toml or folder that
comes or goes is seen, a damaged memo is walked over, and a fresh change is not trusted."""

from __future__ import annotations

import os
import time
from pathlib import Path

from codehealth.adapters.files import load_workspace
from codehealth.adapters.files.walk_memo import remembered_walk
from codehealth.adapters.files.workspace_files import pyproject_files


def _settle(*folders: Path) -> None:
    """Folder times 10 s in the past: older than the racy window, so the walk is kept."""
    past = time.time() - 10
    for folder in folders:
        os.utime(folder, (past, past))


def _tree(tmp_path: Path) -> Path:
    for folder in ("packages/a", "packages/b", "tests/fixture"):
        (tmp_path / folder).mkdir(parents=True)
    for name in ("pyproject.toml", "packages/a/pyproject.toml", "tests/fixture/pyproject.toml"):
        (tmp_path / name).write_text('[project]\nname = "x"\n')
    _settle(*(p for p in tmp_path.rglob("*") if p.is_dir()), tmp_path)
    return tmp_path


def test_the_memo_answers_until_a_folder_changes(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    cache = str(root / ".codehealth")
    assert pyproject_files(str(root), cache) == ["pyproject.toml", "packages/a/pyproject.toml"]
    assert os.path.exists(os.path.join(cache, "workspace-walk.json"))
    (root / "packages" / "b" / "pyproject.toml").write_text('[project]\nname = "b"\n')
    assert pyproject_files(str(root), cache) == [
        "pyproject.toml",
        "packages/a/pyproject.toml",
        "packages/b/pyproject.toml",
    ]
    (root / "packages" / "c").mkdir()
    (root / "packages" / "c" / "pyproject.toml").write_text("")
    assert "packages/c/pyproject.toml" in pyproject_files(str(root), cache)


def test_a_walk_that_changed_just_now_is_not_remembered(tmp_path: Path) -> None:
    calls: list[int] = []

    def walk(entered: list[str]) -> list[str]:
        calls.append(1)
        entered.append(str(tmp_path))  # its time is now: racy
        return ["found"]

    memo = str(tmp_path / "memo.json")
    assert remembered_walk(memo, "k", walk) == ["found"]
    assert remembered_walk(memo, "k", walk) == ["found"]
    assert len(calls) == 2 and not os.path.exists(memo)


def test_a_damaged_or_foreign_memo_is_walked_over(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    cache = root / ".codehealth"
    cache.mkdir()
    (cache / "workspace-walk.json").write_text("{not json")
    assert pyproject_files(str(root), str(cache))[0] == "pyproject.toml"
    _settle(root, cache)
    calls: list[int] = []

    def walk(entered: list[str]) -> list[str]:
        calls.append(1)
        return []

    assert remembered_walk(str(cache / "workspace-walk.json"), "another key", walk) == []
    assert calls == [1]


def test_the_workspace_is_found_through_the_memo(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / "pyproject.toml").write_text('[tool.uv.workspace]\nmembers = ["packages/*"]\n')
    cache = str(root / ".codehealth")
    first = load_workspace(str(root), cache)
    again = load_workspace(str(root), cache)
    assert first is not None and again is not None
    assert [p.folder for p, _ in first.projects] == [p.folder for p, _ in again.projects]
    assert "packages/a" in [p.folder for p, _ in again.projects]
