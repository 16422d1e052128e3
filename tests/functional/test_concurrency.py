"""Concurrent runs, killed runs and a full disk: the results stay right and the cache intact.

pre-commit and CI can start two runs on one repository at once; a run can be killed at any
moment; a disk can fill up. Each test compares with a ``--no-cache`` run of the same
command and checks every SQLite file under ``.codehealth/`` with ``PRAGMA integrity_check``.
(tests/functional/test_scan_cache.py covers kills at chosen points of the write, a damaged
write-ahead log and unusable cache locations.)
"""

from __future__ import annotations

import json
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from clitools import analysed, clean_env, commit_all, run_cli, write_files

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not hasattr(signal, "SIGKILL") or not hasattr(signal, "SIGXFSZ"), reason="needs POSIX"
    ),
]

PYPROJECT = '[project]\nname = "gen"\nversion = "0"\n'


def _module(index: int, functions: int) -> str:
    body = "".join(
        f"def g{index}_{n}(a, b):\n"
        "    if a and b:\n"
        "        for x in a:\n"
        f"            if x > {n}:\n"
        "                return x\n"
        "    return b\n\n\n"
        for n in range(functions)
    )
    # A marker and an import give the debt and boundary parts something to find.
    return f"import os\n\n# TODO: tidy module {index}\n\n\n{body}"


def _generated(count: int, functions: int = 8) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {"pyproject.toml": PYPROJECT, "gen/__init__.py": ""}
    files.update({f"gen/m{i}.py": _module(i, functions) for i in range(count)})
    return files


NESTED = """

def tangled(items):
    total = 0
    for item in items:
        if item:
            if item > 1:
                if item > 2:
                    while item > 3:
                        item -= 1
                        total += item
    return total
"""


def _two_commit_repo(make_repo: Callable[..., Path], count: int = 12) -> Path:
    """A repository whose second commit makes one function worse and adds a file."""
    repo = make_repo("gen", _generated(count))
    write_files(repo, {"gen/m0.py": _module(0, 8) + NESTED, "gen/extra.py": _module(99, 3)})
    commit_all(repo, "worse")
    return repo


def _cache_files(repo: Path) -> list[Path]:
    return sorted(p for p in (repo / ".codehealth").rglob("*.sqlite"))


def _assert_intact(repo: Path) -> None:
    files = _cache_files(repo)
    assert files, "no cache was written"
    for path in files:
        connection = sqlite3.connect(path)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)], path
        finally:
            connection.close()


def _scan_view(document: dict[str, Any]) -> dict[str, Any]:
    """The parts of ``scan --format json`` that must not depend on the cache."""
    return {key: document[key] for key in ("files", "packages", "not_analysed", "violations")}


def _without_notes(document: dict[str, Any]) -> dict[str, Any]:
    """The report without its notes (the review guidance's too: a cache that cannot be
    written is told there as well)."""
    kept = {key: value for key, value in document.items() if key != "notes"}
    if isinstance(kept.get("review"), dict):
        kept["review"] = {k: v for k, v in kept["review"].items() if k != "notes"}
    return kept


def _start(repo: Path, *args: str, **options: Any) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "codehealth", *args],
        cwd=repo,
        env=clean_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        **options,
    )


def _finish(process: subprocess.Popen[str]) -> tuple[int, dict[str, Any], str]:
    out, err = process.communicate(timeout=300)
    assert "Traceback" not in err, err
    return process.returncode, json.loads(out), err


# -- two runs at once ------------------------------------------------------------------------


def test_two_scans_at_once_agree_with_one_and_leave_an_intact_cache(make_repo):
    repo = make_repo("gen", _generated(30))
    expected = run_cli("scan", "--format", "json", "--no-cache", cwd=repo)
    assert expected.code in (0, 1), expected.err
    runs = [_start(repo, "scan", "--format", "json") for _ in range(2)]
    for process in runs:
        code, document, _ = _finish(process)
        assert code == expected.code
        assert _scan_view(document) == _scan_view(expected.json())
    _assert_intact(repo)
    warm = run_cli("scan", "--format", "json", cwd=repo)
    assert warm.code == expected.code
    assert _scan_view(warm.json()) == _scan_view(expected.json())
    assert not [n for n in warm.json()["notes"] if "cache" in n]


def test_two_gates_at_once_agree_with_one_and_leave_an_intact_cache(make_repo):
    repo = _two_commit_repo(make_repo)
    gate = ("gate", "--base", "HEAD~1", "--format", "json")
    expected = run_cli(*gate, "--no-cache", cwd=repo)
    assert expected.code == 1, expected.err  # the nested function is a new finding
    assert expected.json()["problems"], expected.out
    runs = [_start(repo, *gate) for _ in range(2)]
    for process in runs:
        code, document, _ = _finish(process)
        assert code == expected.code
        assert _without_notes(document) == _without_notes(expected.json())
    _assert_intact(repo)
    assert (repo / ".codehealth" / "gate.sqlite").is_file()
    warm = run_cli(*gate, cwd=repo)
    assert warm.code == expected.code
    assert _without_notes(warm.json()) == _without_notes(expected.json())


# -- killed while writing --------------------------------------------------------------------


def test_scans_killed_at_increasing_moments_leave_a_cache_the_next_run_can_use(make_repo):
    """A real cold run of 200 files, killed with SIGKILL 0, 0.02, 0.05 ... 0.4 s after its cache
    file appeared: each time the next run gives the ``--no-cache`` results and leaves an intact
    cache, and the run after it is warm."""
    repo = make_repo("gen", _generated(200))
    expected = run_cli("scan", "--format", "json", "--no-cache", cwd=repo)
    assert expected.code in (0, 1), expected.err
    assert len(analysed(expected.json())) == 201
    killed_with_a_cache = 0
    for delay in (0, 0.02, 0.05, 0.1, 0.2, 0.4):
        shutil.rmtree(repo / ".codehealth", ignore_errors=True)
        process = _start(repo, "scan", "--format", "json", "--jobs", "1")
        while process.poll() is None and not (repo / ".codehealth" / "cache.sqlite").exists():
            time.sleep(0.001)  # polling for the file; no assertion depends on time
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=300)
        if process.returncode == -signal.SIGKILL and _cache_files(repo):
            killed_with_a_cache += 1
        after = run_cli("scan", "--format", "json", cwd=repo)
        assert after.code == expected.code, after.err
        assert _scan_view(after.json()) == _scan_view(expected.json()), delay
        _assert_intact(repo)
    # The test means something only if some kills hit a run that had started its cache.
    assert killed_with_a_cache >= 2
    warm = run_cli("scan", "--format", "json", cwd=repo)
    assert _scan_view(warm.json()) == _scan_view(expected.json())


# -- a full disk -----------------------------------------------------------------------------


def _full_disk(limit: int) -> Callable[[], None]:
    """In the child: no file may grow beyond ``limit`` bytes (writes fail with EFBIG, as on a
    full disk, instead of killing the process with SIGXFSZ)."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


# 0: not even the cache's .gitignore can be written; 4 KiB: the database file is created but
# cannot grow; 8 and 16 KiB: part of the results fit before the disk is full (a cache of these
# repositories takes more than 16 KiB for the scan, more than 8 KiB for the gate).
LIMITS = [0, 4096, 16384]


@pytest.mark.parametrize("limit", LIMITS)
def test_a_full_disk_under_scan_means_no_cache_a_note_and_the_same_results(make_repo, limit):
    repo = make_repo("gen", _generated(30))
    expected = run_cli("scan", "--format", "json", "--no-cache", cwd=repo)
    code, document, _ = _finish(
        _start(repo, "scan", "--format", "json", preexec_fn=_full_disk(limit))
    )
    assert code == expected.code
    assert _scan_view(document) == _scan_view(expected.json())
    assert any("cache" in note for note in document["notes"]), document["notes"]
    # With room again, the next run repairs or rebuilds the cache and agrees.
    after = run_cli("scan", "--format", "json", cwd=repo)
    assert _scan_view(after.json()) == _scan_view(expected.json())
    _assert_intact(repo)
    assert not [
        n for n in run_cli("scan", "--format", "json", cwd=repo).json()["notes"] if "cache" in n
    ]


# 0 is left out for the gate: it reads the base revision's files in a temporary folder, and
# with no byte writable anywhere Python finds no usable temporary directory (the gate then
# says the boundaries were not compared, which is true but not a cache matter).
@pytest.mark.parametrize("limit", [4096, 8192])
def test_a_full_disk_under_gate_means_no_cache_a_note_and_the_same_verdict(make_repo, limit):
    repo = _two_commit_repo(make_repo)
    gate = ("gate", "--base", "HEAD~1", "--format", "json")
    expected = run_cli(*gate, "--no-cache", cwd=repo)
    code, document, _ = _finish(_start(repo, *gate, preexec_fn=_full_disk(limit)))
    assert code == expected.code == 1
    assert _without_notes(document) == _without_notes(expected.json())
    assert any("cache" in note for note in document["notes"]), document["notes"]
    after = run_cli(*gate, cwd=repo)
    assert after.code == expected.code
    assert _without_notes(after.json()) == _without_notes(expected.json())
    _assert_intact(repo)


# debt at 4 KiB: its three caches (metrics, markers, ruff's hits) fail, ruff still runs (at 0
# bytes it could not even create the temporary file for ruff's stderr, and the report says it is
# incomplete). boundaries at 0 bytes: grimp's import-graph cache cannot be written.
@pytest.mark.parametrize(("command", "limit"), [("debt", 4096), ("boundaries", 0)])
def test_a_full_disk_under_debt_or_boundaries_changes_nothing_but_a_note(make_repo, command, limit):
    repo = make_repo("gen", _generated(30))
    expected = run_cli(command, "--format", "json", cwd=repo)
    shutil.rmtree(repo / ".codehealth")
    code, document, _ = _finish(
        _start(repo, command, "--format", "json", preexec_fn=_full_disk(limit))
    )
    assert code == expected.code
    assert _without_notes(document) == _without_notes(expected.json())
    assert not expected.json().get("notes")
    assert any("cache" in note for note in document["notes"]), document["notes"]
    again = run_cli(command, "--format", "json", cwd=repo)
    assert _without_notes(again.json()) == _without_notes(expected.json())
