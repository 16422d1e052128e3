"""The gate's per-content results: cached runs give the verdict of uncached ones, a damaged
cache is never trusted, and contents measured in a forked process equal those measured in
this one."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from clitools import commit_all, git, init_repo, write_files

import codehealth.gate.measure_step as gate_measure
from codehealth.gate.measure_step import ContentCache, measure
from codehealth.gate.run import run_gate

ORDERS = "import os\n\n\ndef total(items):\n    return sum(items) + len(os.sep)\n"
WORSE = (
    "import os\n\n\ndef total(items):\n    # TODO: simplify\n    result = 0\n    unused = 1\n"
    "    for item in items:\n        if item:\n            if item > 1:\n"
    "                if item > 2:\n                    result += item\n"
    "    return result + len(os.sep)\n"
)


def _repo(tmp_path: Path, more: dict[str, str] | None = None, edit: str = WORSE) -> Path:
    """A repository whose main branch holds shop/orders.py (and ``more`` files), with
    orders.py edited to ``edit`` in the work tree."""
    repo = tmp_path / "cached"
    repo.mkdir()
    files = {
        "pyproject.toml": '[project]\nname = "cached"\nversion = "0"\n',
        "shop/__init__.py": "",
        "shop/orders.py": ORDERS,
        **(more or {}),
    }
    write_files(repo, files)  # type: ignore[arg-type]
    init_repo(repo)
    commit_all(repo, "base")
    git(repo, "branch", "-M", "main")
    write_files(repo, {"shop/orders.py": edit})
    return repo


def _verdict(repo: Path, use_cache: bool = True) -> list[tuple[str, str, str, str]]:
    report = run_gate(str(repo), "main", use_cache=use_cache)
    return sorted(
        (p.finding.rule, p.finding.path, p.finding.fingerprint, p.finding.message)
        for p in report.problems
    )


def test_a_cached_run_gives_the_uncached_verdict(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    uncached = _verdict(repo, use_cache=False)
    assert not (repo / ".codehealth" / "gate.sqlite").exists()
    # a new TODO and an unused variable (the debt rise they make is not a third problem)
    assert {rule for rule, *_ in uncached} >= {"CH201", "ruff:F841"}
    assert _verdict(repo) == uncached  # fills the cache
    assert (repo / ".codehealth" / "gate.sqlite").exists()
    assert _verdict(repo) == uncached  # reads it


def test_a_damaged_or_forged_entry_is_measured_again(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    expected = _verdict(repo)
    database = repo / ".codehealth" / "gate.sqlite"
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT key, data FROM files").fetchall()
        assert rows
        for key, data in rows:
            entry = json.loads(data)
            entry["x"] = 12  # a wrong type
            forged = json.dumps(entry)
            connection.execute("UPDATE files SET data = ? WHERE key = ?", (forged, key))
    assert _verdict(repo) == expected
    database.write_bytes(b"not a database at all")
    assert _verdict(repo) == expected


def test_an_entry_belongs_to_its_path_and_lint_configuration(tmp_path: Path) -> None:
    cache = ContentCache(str(tmp_path), "ruff 1")
    assert cache.key("a.py", b"x = 1\n") != cache.key("b.py", b"x = 1\n")
    assert cache.key("a.py", b"x = 1\n") != ContentCache(str(tmp_path), "").key("a.py", b"x = 1\n")


def test_measuring_in_a_forked_process_gives_the_same_results(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    items = {
        (0, "a.py"): ORDERS.encode(),
        (1, "a.py"): WORSE.encode(),
        (1, "b.py"): b"def f(:\n",
        (0, "c/__init__.py"): b"from .x import y\n__all__ = ['y']\n",
    }
    alone = measure(items)
    pools: list[int] = []
    real_pool = gate_measure.process_pool

    def spy(workers: int) -> object:
        pools.append(workers)
        return real_pool(workers)

    monkeypatch.setattr(gate_measure, "_PARALLEL_BYTES", 0)
    monkeypatch.setattr(gate_measure, "cores", lambda: 2)
    monkeypatch.setattr(gate_measure, "process_pool", spy)
    assert measure(items) == alone
    assert pools == [1]  # one worker measured a share
    assert alone[(1, "b.py")].facts == ""  # does not parse
    # an edit that leaves imports, ignores and exports alone keeps the boundary facts
    assert alone[(0, "a.py")].facts == alone[(1, "a.py")].facts


def test_cached_findings_follow_the_thresholds(tmp_path: Path) -> None:
    """The cached findings of a content are not reused under other thresholds."""
    repo = _repo(tmp_path)
    default = _verdict(repo)
    strict = (
        '[project]\nname = "cached"\nversion = "0"\n\n[tool.codehealth.thresholds]\ncognitive = 1\n'
    )
    write_files(repo, {"pyproject.toml": strict})
    tight = _verdict(repo)
    assert tight == _verdict(repo, use_cache=False)
    assert tight != default
    assert "CH102" in {rule for rule, *_ in tight} - {rule for rule, *_ in default}


def test_no_cache_on_the_command_line(tmp_path: Path, cli: Any) -> None:
    repo = _repo(tmp_path)
    first = cli("gate", "--base", "main", "--no-lint", "--no-cache", cwd=repo)
    assert first.code == 1
    assert not (repo / ".codehealth" / "gate.sqlite").exists()
    second = cli("gate", "--base", "main", "--no-lint", cwd=repo)
    assert (second.code, second.out) == (first.code, first.out)
    assert (repo / ".codehealth" / "gate.sqlite").exists()


def test_an_unknown_rule_in_the_costs_is_refused_warm_or_cold(tmp_path: Path, cli: Any) -> None:
    """Cached findings never hide a configuration the catalogue refuses (exit 2)."""
    repo = _repo(tmp_path)
    assert cli("gate", "--base", "main", "--no-lint", cwd=repo).code == 1  # fills the cache
    bad = (
        '[project]\nname = "cached"\nversion = "0"\n\n'
        "[tool.codehealth.debt]\ncosts = { CH999 = 5 }\n"
    )
    write_files(repo, {"pyproject.toml": bad})
    for _ in range(2):
        run = cli("gate", "--base", "main", "--no-lint", cwd=repo)
        assert run.code == 2 and "CH999: no such rule" in run.err, run
    git(repo, "checkout", "--quiet", "--", "shop/orders.py")  # no change left at all
    run = cli("gate", "--base", "main", "--no-lint", cwd=repo)
    assert run.code == 2 and "CH999: no such rule" in run.err, run


def test_a_rerun_reads_both_sides_boundary_reports_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The base side (the work tree with the touched files' base contents) is cached by
    those contents too: on a large project it was the gate's largest cost, paid again on
    every rerun of the same change."""
    import codehealth.boundaries.run as boundaries_run

    # a new import between modules: the gate compares the whole project's boundaries
    fees = {"shop/fees.py": "def fee():\n    return 1\n"}
    repo = _repo(tmp_path, fees, "from shop.fees import fee\n" + ORDERS)
    computed: list[bool] = []
    compute = boundaries_run._compute

    def counting(*args: Any) -> Any:
        computed.append(bool(args[4]))  # overrides: the base side
        return compute(*args)

    monkeypatch.setattr(boundaries_run, "_compute", counting)
    first = _verdict(repo)
    assert sorted(computed) == [False, True]
    computed.clear()
    assert _verdict(repo) == first
    assert computed == []
    write_files(repo, {"shop/fees.py": "def fee():\n    return 2\n"})  # another change
    assert _verdict(repo) == first
    # the head is new; the base side (fees.py at its base content too) is the same contents
    assert computed == [False]


def _rows(folder: Path) -> dict[str, int]:
    counts = {}
    for database in sorted(folder.glob("*.sqlite")):
        with sqlite3.connect(database) as connection:
            counts[database.name] = connection.execute("SELECT count(*) FROM files").fetchone()[0]
    return counts


def test_a_cache_restored_into_another_clone_is_hit(tmp_path: Path, cli: Any) -> None:
    """CI restores the base's .codehealth/ into a checkout at another path: the entries are
    found there (no new rows: nothing measured or linted again) and give the same report.
    A ruff configuration makes the lint salt depend on where its file is."""
    first = tmp_path / "runner-1" / "project"
    first.mkdir(parents=True)
    config = '[project]\nname = "cached"\nversion = "0"\n\n[tool.ruff]\nline-length = 100\n'
    write_files(first, {"pyproject.toml": config, "shop/__init__.py": "", "shop/orders.py": ORDERS})
    init_repo(first)
    commit_all(first, "base")
    git(first, "branch", "-M", "main")
    git(first, "checkout", "--quiet", "-b", "feature")
    write_files(first, {"shop/orders.py": WORSE})
    commit_all(first, "worse")
    second = tmp_path / "runner-2" / "checkout"
    git(tmp_path, "clone", "--quiet", str(first), str(second))
    git(second, "branch", "--quiet", "main", "origin/main")

    there = cli("gate", "--base", "main", "--format", "json", cwd=first)
    assert there.code == 1 and "ruff:F841" in there.out, there.err
    cached = _rows(first / ".codehealth")
    assert cached["gate.sqlite"] > 0
    shutil.copytree(first / ".codehealth", second / ".codehealth")
    here = cli("gate", "--base", "main", "--format", "json", cwd=second)
    assert (here.code, here.out) == (there.code, there.out)
    assert _rows(second / ".codehealth") == cached  # every entry was found, none added
