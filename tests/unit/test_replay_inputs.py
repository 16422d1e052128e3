"""The warm-run record's key and its inputs' digest (``adapters.replay``), on constructed
arguments and folders."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from codehealth.adapters.replay import SETTLED_NS, rechecked, replayable, run_key, snapshot

HOUR_NS = 3600 * 10**9


def test_only_scan_and_debt_are_replayed_and_never_when_asked_to_work_again() -> None:
    assert replayable(["scan", "--format", "json"])
    assert replayable(["--debug", "debt"])
    assert not replayable(["gate", "--staged"])
    assert not replayable(["history"])
    assert not replayable(["scan", "--no-cache"])
    assert not replayable(["scan", "--help"])
    assert not replayable([])


def test_the_key_follows_arguments_folder_environment_and_terminal() -> None:
    environment = {"PATH": "/bin", "HOME": "/home/a"}
    key = run_key(["scan"], "/repo", environment, [None, None])
    assert run_key(["scan"], "/repo", dict(environment), [None, None]) == key
    assert run_key(["scan", "--format", "json"], "/repo", environment, [None, None]) != key
    assert run_key(["scan"], "/repo/src", environment, [None, None]) != key
    assert run_key(["scan"], "/repo", {**environment, "NO_COLOR": "1"}, [None, None]) != key
    assert run_key(["scan"], "/repo", environment, [(120, 40), None]) != key
    # What a shell changes between two identical commands does not count.
    assert (
        run_key(["scan"], "/repo", {**environment, "OLDPWD": "/tmp", "SHLVL": "3"}, [None, None])
        == key
    )


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "pkg").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'p'\n")
    (root / "pkg" / "a.py").write_text("def f():\n    return 1\n")
    return root


def _age(root: Path) -> None:
    """Every file an hour old (``os.utime`` sets the change time to now)."""
    past = (time.time_ns() - HOUR_NS,) * 2
    for folder, _, files in os.walk(root):
        for name in files:
            os.utime(os.path.join(folder, name), ns=past)
        os.utime(folder, ns=past)


def test_the_digest_changes_with_content_even_when_size_and_time_are_put_back(
    tmp_path: Path,
) -> None:
    root = _project(tmp_path)
    _age(root)
    before = snapshot(str(root), ["scan"])
    assert snapshot(str(root), ["scan"]).digest == before.digest
    source = root / "pkg" / "a.py"
    status = os.stat(source)
    source.write_text("def f():\n    return 2\n")  # same size
    os.utime(source, ns=(status.st_atime_ns, status.st_mtime_ns))  # same time
    assert snapshot(str(root), ["scan"]).digest != before.digest


def test_the_digest_sees_added_files_and_the_caches_but_not_bytecode(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / ".codehealth").mkdir()
    (root / ".codehealth" / "cache.sqlite").write_bytes(b"\0")
    (root / "pkg" / "__pycache__").mkdir()  # bytecode written into it later does not count
    _age(root)
    before = snapshot(str(root), ["scan"])
    (root / "pkg" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    (root / ".codehealth" / "cache.sqlite-wal").write_bytes(b"\0")  # comes and goes
    assert snapshot(str(root), ["scan"]).digest == before.digest
    (root / ".codehealth" / "cache.sqlite").write_bytes(b"\1")  # rebuilt: its notes change
    cache = snapshot(str(root), ["scan"])
    assert cache.digest != before.digest
    (root / "pkg" / "new").mkdir()
    (root / "pkg" / "new" / "b.py").write_text("x = 1\n")
    assert snapshot(str(root), ["scan"]).digest != cache.digest


def test_the_newest_time_tells_a_settled_project_from_a_fresh_edit(tmp_path: Path) -> None:
    root = _project(tmp_path)
    _age(root)
    settled = snapshot(str(root), ["scan"])
    (root / "pkg" / "a.py").write_text("def f():\n    return 3\n")
    fresh = snapshot(str(root), ["scan"])
    assert fresh.newest_ns - settled.newest_ns > SETTLED_NS


def test_where_git_refuses_the_folder_is_walked_as_discovery_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A project below a repository's .git that git will not look into (a ceiling, as the
    benchmarks set): its files still count."""
    (tmp_path / ".git").mkdir()  # not a repository: git fails there
    root = _project(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    before = snapshot(str(root), ["scan"])
    (root / "pkg" / "a.py").write_text("def f():\n    return 22\n")
    assert snapshot(str(root), ["scan"]).digest != before.digest


def test_outside_git_a_replay_restats_the_walk_instead_of_walking(tmp_path: Path) -> None:
    root = _project(tmp_path)
    _age(root)
    taken = snapshot(str(root), ["scan"])
    assert taken.walked is not None and str(root / "pkg" / "a.py") in taken.walked
    assert rechecked(str(root), ["scan"], taken.walked) == taken.digest
    (root / "pkg" / "b.py").write_text("x = 1\n")  # the folder's time changes
    assert rechecked(str(root), ["scan"], taken.walked) != taken.digest
    (root / "pkg" / "b.py").unlink()
    again = snapshot(str(root), ["scan"])
    (root / "pkg" / "a.py").write_text("def f():\n    return 9\n")
    assert rechecked(str(root), ["scan"], again.walked or ()) != again.digest


def test_a_replay_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`codehealth scan | head`: the reader has gone, the replay's write must not raise."""
    import subprocess
    import sys

    probe = (
        "import io, os, sys\n"
        "from codehealth.adapters.replay import record\n"
        "read, write = os.pipe(); os.close(read)\n"
        "sys.stdout = io.TextIOWrapper(io.FileIO(write, 'w'), encoding='utf-8')\n"
        "record._write('', memoryview(b'x' * 1_000_000))\n"
        "sys.__stderr__.write('ended')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stderr == "ended", done.stderr
