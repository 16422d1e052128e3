"""A warm ``scan``/``debt`` whose inputs did not change prints the earlier run's output
without loading the analysis; any change to what the output depends on runs it again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from clitools import clean_env, run_cli

HOUR_NS = 3600 * 10**9
PROBE = """
import json, sys
from codehealth.launch import main
sys.argv = ["codehealth", *json.loads(sys.argv[1])]
code = main()
sys.stdout.flush()
sys.__stderr__.write("\\nCODE=%d CLICK=%s\\n" % (code, "click" in sys.modules))
"""


def _run(repo: Path, *args: str) -> tuple[str, str, int, bool]:
    """stdout, stderr, the exit code, and whether the run loaded click (was not replayed)."""
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        cwd=repo,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    err, _, marker = completed.stderr.rpartition("\nCODE=")
    code, _, loaded = marker.strip().partition(" CLICK=")
    return completed.stdout, err, int(code), loaded == "True"


def _age(*paths: Path) -> None:
    """Make ``paths`` (files, or every file below a folder but .git) an hour old: a run
    records only inputs that settled before it started."""
    past = (time.time_ns() - HOUR_NS,) * 2
    for path in paths:
        files = [path] if path.is_file() else [p for p in path.rglob("*") if ".git" not in p.parts]
        for file in files:
            os.utime(file, ns=past)


def _settled(make_repo: Callable[..., Path]) -> Path:
    repo = make_repo("shop")
    _age(repo)
    return repo


def _recorded(repo: Path, *args: str) -> tuple[str, str, int, bool]:
    """The run that records: the one after the run that filled the cache (which changed an
    input of its own record, the cache)."""
    assert _run(repo, *args)[3]
    return _run(repo, *args)


def test_a_second_unchanged_scan_is_replayed_with_the_same_output_and_code(
    make_repo: Callable[..., Path],
) -> None:
    repo = _settled(make_repo)
    first = _recorded(repo, "scan", "--format", "json")
    second = _run(repo, "scan", "--format", "json")
    assert first[3] and not second[3], "the second run loaded click: it was not replayed"
    assert second[:3] == first[:3]
    assert json.loads(second[0])["files"]
    assert second[0] == run_cli("scan", "--format", "json", "--no-cache", cwd=repo).out


def test_a_failing_check_replays_its_exit_code_and_its_messages(
    make_repo: Callable[..., Path],
) -> None:
    repo = _settled(make_repo)
    first = _recorded(repo, "scan", "--check")
    second = _run(repo, "scan", "--check")
    assert first[2] == 1 and not second[3]
    assert second[:3] == first[:3]


def test_an_edit_that_keeps_the_size_and_the_time_is_still_seen(
    make_repo: Callable[..., Path],
) -> None:
    repo = _settled(make_repo)
    _recorded(repo, "scan", "--format", "json")
    source = repo / "src" / "shop" / "orders.py"
    status = os.stat(source)
    text = source.read_text()
    assert "route_order" in text
    source.write_text(text.replace("route_order", "route_ordex"))
    os.utime(source, ns=(status.st_atime_ns, status.st_mtime_ns))
    out, _, _, loaded = _run(repo, "scan", "--format", "json")
    assert loaded and "route_ordex" in out and "route_order(" not in out


def test_a_new_untracked_file_and_a_changed_setting_run_the_scan_again(
    make_repo: Callable[..., Path],
) -> None:
    repo = _settled(make_repo)
    _recorded(repo, "scan", "--format", "json")
    added = repo / "src" / "shop" / "added.py"
    added.write_text("def brand_new(x):\n    return x\n")
    _age(added)
    out, _, _, loaded = _run(repo, "scan", "--format", "json")
    assert loaded and "brand_new" in out
    assert _run(repo, "scan", "--check")[2] == 1  # route_order exceeds the thresholds
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace("cyclomatic = 6", "cyclomatic = 60"))
    pyproject.write_text(pyproject.read_text().replace("cognitive = 8", "cognitive = 80"))
    pyproject.write_text(pyproject.read_text().replace("nesting = 3", "nesting = 30"))
    _age(pyproject)
    _, _, code, loaded = _run(repo, "scan", "--check")
    assert loaded and code == 0


def test_a_run_right_after_an_edit_is_not_recorded(make_repo: Callable[..., Path]) -> None:
    repo = _settled(make_repo)
    source = repo / "src" / "shop" / "orders.py"
    source.write_text(source.read_text() + "\n\ndef just_written():\n    return 1\n")
    _recorded(repo, "scan", "--format", "json")
    assert _run(repo, "scan", "--format", "json")[3], "a fresh edit must not be replayed"
    assert not (repo / ".codehealth" / "replay").exists()


def test_other_arguments_and_no_cache_are_never_answered_from_a_record(
    make_repo: Callable[..., Path],
) -> None:
    repo = _settled(make_repo)
    _recorded(repo, "scan", "--format", "json")
    assert _run(repo, "scan", "--format", "markdown")[3]
    assert _run(repo, "scan", "--format", "json", "--no-cache")[3]


def test_debt_is_replayed_until_the_linter_configuration_changes(
    make_repo: Callable[..., Path],
) -> None:
    repo = _settled(make_repo)
    _run(repo, "debt", "--format", "json")  # makes .codehealth/: the next remembers ruff's version
    first = _recorded(repo, "debt", "--format", "json")
    second = _run(repo, "debt", "--format", "json")
    assert not second[3] and second[:3] == first[:3]
    config = repo / "src" / "ruff.toml"  # ruff reads it for the files below src/
    config.write_text('[lint]\nselect = ["E", "F"]\n')
    _age(config)
    assert _run(repo, "debt", "--format", "json")[3]
