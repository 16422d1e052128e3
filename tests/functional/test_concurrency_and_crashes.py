"""Concurrent runs, killed runs and a full disk: results stay correct and every cache
(scan, gate, history store, boundaries) is left usable or rebuilt.

The full disk is real to the process: RLIMIT_FSIZE makes every write past a few KB fail with
EFBIG (SIGXFSZ ignored, as Python does by default), which SQLite reports as a disk I/O error.
"""

from __future__ import annotations

import json
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from clitools import clean_env, run_cli

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX"),
]

FILES = {
    f"src/shop/gen_{i}.py": "".join(
        f"def g{i}_{n}(a):\n    if a and n:\n        return a + {n}\n    return 0\n"
        for n in range(150)
    )
    for i in range(6)
}


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "codehealth", *args]


def _changed_repo(make_repo) -> Path:
    repo = make_repo("shop", files=FILES)
    orders = repo / "src" / "shop" / "orders.py"
    orders.write_text(orders.read_text() + "\n\ndef more(a):  # TODO: later\n    return a\n")
    return repo


def _scan(out: str) -> dict:
    document = json.loads(out)
    return {key: document[key] for key in ("files", "packages", "not_analysed", "violations")}


def _gate(out: str) -> list:
    document = json.loads(out)
    return sorted(json.dumps(p, sort_keys=True) for p in document["problems"])


def _intact(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("SELECT count(*) FROM files").fetchone()[0] > 0
    finally:
        connection.close()


def test_two_scans_and_two_gates_at_once_give_a_single_runs_results(make_repo):
    repo = _changed_repo(make_repo)
    scan_alone = run_cli("scan", "--format", "json", "--no-cache", cwd=repo)
    gate_alone = run_cli("gate", "--base", "HEAD", "--format", "json", "--no-cache", cwd=repo)
    assert scan_alone.code in (0, 1) and gate_alone.code == 1, gate_alone.err
    commands = [
        _cli("scan", "--format", "json"),
        _cli("gate", "--base", "HEAD", "--format", "json"),
    ] * 2
    runs = [
        subprocess.Popen(c, cwd=repo, env=clean_env(), stdout=subprocess.PIPE, text=True)
        for c in commands
    ]
    outputs = [process.communicate(timeout=300)[0] for process in runs]
    assert [p.returncode for p in runs] == [scan_alone.code, 1] * 2
    for command, out in zip(commands, outputs, strict=True):
        if "scan" in command:
            assert _scan(out) == _scan(scan_alone.out)
        else:
            assert _gate(out) == _gate(gate_alone.out)
    _intact(repo / ".codehealth" / "cache.sqlite")
    _intact(repo / ".codehealth" / "gate.sqlite")
    # A third run reads the caches warm: same results, nothing to say about them.
    third_scan = run_cli("scan", "--format", "json", cwd=repo)
    assert _scan(third_scan.out) == _scan(scan_alone.out)
    assert third_scan.json()["notes"] == []
    third_gate = run_cli("gate", "--base", "HEAD", "--format", "json", cwd=repo)
    assert _gate(third_gate.out) == _gate(gate_alone.out)
    assert "cache" not in third_gate.err + json.dumps(third_gate.json().get("notes", []))


# scan: test_concurrency.py kills it at delays counted from the cache file's appearance.
@pytest.mark.parametrize("command", ["gate"])
def test_runs_killed_at_random_moments_leave_a_usable_cache(make_repo, command):
    repo = _changed_repo(make_repo)
    args = ["scan", "--jobs", "1"] if command == "scan" else ["gate", "--base", "HEAD"]
    args += ["--format", "json"]
    expected = run_cli(*args, "--no-cache", cwd=repo)
    chance = random.Random(f"{command}-kills")  # the same delays on every run of the test
    for _ in range(4):
        process = subprocess.Popen(
            _cli(*args), cwd=repo, env=clean_env(), stdout=subprocess.DEVNULL
        )
        time.sleep(chance.uniform(0.2, 1.2))  # start-up to the end of the cache write
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=300)
        after = run_cli(*args, cwd=repo)
        assert after.code == expected.code, after.err
        same = _scan if command == "scan" else _gate
        assert same(after.out) == same(expected.out)
    _intact(repo / ".codehealth" / ("cache.sqlite" if command == "scan" else "gate.sqlite"))


# The history store's save, killed by SIGKILL inside its transaction (after the commits
# were inserted, before the tree and the last commit were recorded).
_KILLED_HISTORY = textwrap.dedent(
    """
    import os, signal
    from codehealth.cli import main
    from codehealth.adapters.history_db import HistoryStore

    real_save = HistoryStore.save

    class Dying:
        def __init__(self, db):
            self.db = db
        def __enter__(self):
            return self.db.__enter__()
        def __exit__(self, *error):
            return self.db.__exit__(*error)
        def executemany(self, *args):
            return self.db.executemany(*args)
        def execute(self, sql, *args):
            if sql.startswith("DELETE FROM tree"):
                os.kill(os.getpid(), signal.SIGKILL)
            return self.db.execute(sql, *args)

    def save(self, *args):
        self._db = Dying(self._db)
        real_save(self, *args)

    HistoryStore.save = save
    main(["history", "--format", "json"])
    """
)


def test_a_history_run_killed_while_saving_leaves_the_previous_state(make_repo):
    repo = make_repo("shop", files=FILES)
    expected = run_cli("history", "--format", "json", cwd=repo)
    (repo / ".codehealth" / "history.sqlite").unlink()
    for suffix in ("-wal", "-shm"):
        (repo / ".codehealth" / f"history.sqlite{suffix}").unlink(missing_ok=True)
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_HISTORY],
        cwd=repo,
        env=clean_env(),
        check=False,
        capture_output=True,
        timeout=300,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    after = run_cli("history", "--format", "json", cwd=repo)
    assert after.code == 0, after.err
    assert after.json()["snapshots"] == expected.json()["snapshots"]  # one commit, not two


# -- a full disk -------------------------------------------------------------------------


def _full_disk(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    return apply


# scan, gate and debt: test_concurrency.py (same RLIMIT_FSIZE technique).
@pytest.mark.parametrize(
    ("args", "cache", "limit"),
    [
        (("history", "--format", "json"), "history store", 200),
        (("boundaries", "--format", "json"), "import graph cache", 200),
    ],
    ids=["history", "boundaries"],
)
def test_a_full_disk_means_no_cache_a_note_and_correct_results(make_repo, args, cache, limit):
    repo = _changed_repo(make_repo)
    expected = run_cli(*args, cwd=repo)
    for leftover in (repo / ".codehealth").iterdir():  # every cache, the reports' folder too
        if leftover.is_dir():
            shutil.rmtree(leftover)
        elif leftover.name != ".gitignore":
            leftover.unlink()
    full = subprocess.run(
        _cli(*args),
        cwd=repo,
        env=clean_env(),
        capture_output=True,
        text=True,
        preexec_fn=_full_disk(limit),
        timeout=300,
        check=False,
    )
    assert full.returncode == expected.code, full.stderr
    document, reference = json.loads(full.stdout), expected.json()
    notes = json.dumps(document.get("notes", [])) + full.stderr
    assert cache in notes
    for key in ("files", "snapshots", "problems", "violations", "contracts", "modules"):
        if key in reference:
            assert document[key] == reference[key], key
    assert not list((repo / ".codehealth").glob("*.tmp"))  # nothing half-written left
