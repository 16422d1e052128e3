"""``discover`` leaves out hidden and vendored folders, except below a path named for it."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from codehealth.adapters.files import discover, left_out
from codehealth.core import Settings

AT_GENERATED = "@" + "generated"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder outside git (discovery walks it)."""
    for name in (
        "app/main.py",
        "app/vendor/lib.py",
        ".semgrep/broken.py",
        ".semgrep/deeper/more.py",
        ".semgrep/vendor/v.py",
        "third_party/x/y.py",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n")
    return tmp_path


def test_folders_left_out_once_each(tree: Path) -> None:
    found = discover(str(tree))
    assert found.files == ("app/main.py",)
    assert found.left_out == (
        (".semgrep/", "hidden folder"),
        ("app/vendor/", "vendored code"),
        ("third_party/", "vendored code"),
    )
    assert found.skipped == ()  # nothing unreadable: no note for what is left out


def test_flags_off_keep_everything(tree: Path) -> None:
    found = discover(str(tree), hidden=False, vendored=False)
    assert len(found.files) == 6
    assert found.left_out == ()


def test_a_named_folder_is_analysed_and_its_subfolders_judged(tree: Path) -> None:
    found = discover(str(tree), [str(tree / ".semgrep")])
    assert found.files == (".semgrep/broken.py", ".semgrep/deeper/more.py")
    assert found.left_out == ((".semgrep/vendor/", "vendored code"),)
    assert found.named == (".semgrep",)


def test_a_named_file_is_analysed(tree: Path) -> None:
    found = discover(str(tree), [str(tree / ".semgrep/vendor/v.py"), str(tree / "app")])
    assert found.files == (".semgrep/vendor/v.py", "app/main.py")
    assert found.left_out == (("app/vendor/", "vendored code"),)


def test_left_out_reads_the_head_for_one_path(tmp_path: Path) -> None:
    (tmp_path / "gen.py").write_text(f"# {AT_GENERATED}\nx = 1\n")
    (tmp_path / "own.py").write_text("x = 1\n")
    settings = Settings(root=str(tmp_path))
    assert left_out(str(tmp_path), "gen.py", settings) == f"generated file ({AT_GENERATED})"
    assert left_out(str(tmp_path), "own.py", settings) is None
    assert left_out(str(tmp_path), "gone.py", settings) is None  # deleted: its path decides
    assert left_out(str(tmp_path), ".github/x.py", settings) == "hidden folder"
    kept = Settings(root=str(tmp_path), exclude_generated=False, exclude_hidden=False)
    assert left_out(str(tmp_path), "gen.py", kept) is None
    assert left_out(str(tmp_path), ".github/x.py", kept) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_judged_by_its_path_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.py")  # a plain open() for reading blocks here, forever
    settings = Settings(root=str(tmp_path))
    previous = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(10)
    try:
        assert left_out(str(tmp_path), "pipe.py", settings) is None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _hung(signum: int, frame: object) -> None:
    raise AssertionError("left_out blocked on a FIFO")
