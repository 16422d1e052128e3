"""Issue 17, boundary health: ``codehealth history --store URL`` records the boundary
summary of HEAD (a real PostgreSQL server), the portfolio shows it per repository (— when
none was recorded), a store of schema version 2 is migrated keeping its data, a version 3
store is refused by a codehealth that knows only 2, and the SQLite history is unchanged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from clitools import commit_all, init_repo, run_cli, write_files
from postgres_server import Server, fresh_database, server

from codehealth.adapters.store import StoreError, connect, migrate, schema_version
from codehealth.adapters.store import postgres as store_postgres

__all__ = ["server"]  # the fixture, imported

# app.users declares its API (`invite`): app.orders importing app.users.api goes around it
# (CH301); app.billing and app.shipping import each other (a cycle, CH306)
TANGLED = {
    "app/__init__.py": "",
    "app/users/__init__.py": "from app.users.api import invite\n\n__all__ = ['invite']\n",
    "app/users/api.py": "def invite():\n    return 1\n",
    "app/orders/__init__.py": "",
    "app/orders/views.py": "from app.users.api import invite\n",
    "app/billing/__init__.py": "",
    "app/billing/fees.py": "from app.shipping.rates import RATE\n\nFEE = 1\n",
    "app/shipping/__init__.py": "",
    "app/shipping/rates.py": "from app.billing.fees import FEE\n\nRATE = 2\n",
}
CLEAN = {
    "lib/__init__.py": "",
    "lib/core/__init__.py": "",
    "lib/core/maths.py": "def add(a, b):\n    return a + b\n",
}

# a contract naming a layer that does not exist: the boundaries run stops (exit 2 there)
MISSING_LAYER = (
    "[importlinter]\nroot_package = lib\n\n[importlinter:contract:x]\nname = x\n"
    "type = layers\nlayers =\n  lib.nothere\n  lib.core\n"
)


def _repo(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir()
    write_files(folder, files)
    init_repo(folder)
    commit_all(folder, "start")
    return folder


def _history(repo: Path, *args: str) -> dict:
    run = run_cli("history", "--format", "json", *args, cwd=repo)
    assert run.code == 0, run.out + run.err
    return run.json()


def _portfolio(url: str, cwd: Path, output_format: str = "json") -> str:
    run = run_cli("portfolio", "--store", url, "--format", output_format, cwd=cwd)
    assert run.code == 0, run.out + run.err
    return run.out


def _rows(url: str, cwd: Path) -> dict[str, dict]:
    import json

    return {row["name"]: row for row in json.loads(_portfolio(url, cwd))["repositories"]}


@pytest.mark.slow
def test_the_portfolio_shows_the_boundaries_history_recorded_at_head(
    server: Server, tmp_path: Path
) -> None:
    url = fresh_database(server, "boundaries")
    tangled = _repo(tmp_path / "tangled", TANGLED)
    tidy = _repo(tmp_path / "tidy", CLEAN)
    write_files(tidy, {"venv/lib/site.py": "import os\n"})  # untracked, read by no command
    skipped = _repo(tmp_path / "skipped", CLEAN)
    off = {**CLEAN, "pyproject.toml": "[tool.codehealth.history]\nboundaries = false\n"}
    configured = _repo(tmp_path / "configured", off)
    head = _history(tangled, "--store", url)["snapshots"][-1]["sha"]
    _history(tidy, "--store", url)
    _history(skipped, "--store", url, "--no-boundaries")
    _history(configured, "--store", url)
    rows = _rows(url, tmp_path)
    tangled_row = rows["tangled"]["boundaries"]
    assert tangled_row["by_rule"] == {"CH301": 1, "CH306": 1}
    assert (tangled_row["violations"], tangled_row["cycles"]) == (2, 1)
    assert tangled_row["contracts_broken"] == 0 and tangled_row["modules"] == 4
    assert tangled_row["commit"] == head[:10]
    assert rows["tidy"]["boundaries"]["violations"] == 0
    assert rows["tidy"]["boundaries"]["cycles"] == 0
    assert rows["skipped"]["boundaries"] is None  # --no-boundaries: not recorded
    assert rows["configured"]["boundaries"] is None  # nor with boundaries = false
    table = _portfolio(url, tmp_path, "table")
    lines = {line.split()[0]: line for line in table.splitlines() if line.strip()}
    assert "2 violations · 1 cycle" in lines["tangled"]
    assert " clean " in lines["tidy"] and " — " in lines["skipped"]
    markdown = _portfolio(url, tmp_path, "markdown")
    assert "| boundaries |" in markdown and "2 violations · 1 cycle" in markdown


@pytest.mark.slow
def test_a_dirty_work_tree_or_a_bad_file_costs_only_the_summary(
    server: Server, tmp_path: Path
) -> None:
    url = fresh_database(server, "boundaries_faults")
    dirty = _repo(tmp_path / "dirty", TANGLED)
    (dirty / "app/orders/views.py").write_text("x = 1\n")  # not what HEAD holds
    recorded = _history(dirty, "--store", url)
    assert recorded["new_commits"] == 1
    [note] = [n for n in recorded["notes"] if "boundaries of" in n]
    assert "the work tree differs from it (app/orders/views.py)" in note
    broken = _repo(
        tmp_path / "broken",
        {**CLEAN, ".importlinter": MISSING_LAYER},
    )
    recorded = _history(broken, "--store", url)
    assert recorded["new_commits"] == 1  # the history is kept
    [note] = [n for n in recorded["notes"] if "boundaries of" in n]
    assert "not recorded" in note and "Missing layer 'lib.nothere'" in note and "\n" not in note
    rows = _rows(url, tmp_path)
    assert rows["dirty"]["boundaries"] is None and rows["broken"]["boundaries"] is None
    assert rows["dirty"]["last_commit"] and rows["broken"]["last_commit"]


def test_a_version_2_store_is_migrated_keeping_its_history(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = fresh_database(server, "boundaries_v2")
    repo = _repo(tmp_path / "tangled", TANGLED)
    with monkeypatch.context() as old:  # the codehealth before the summaries: version 2
        old.setattr(store_postgres, "SCHEMA_VERSION", 2)
        with connect(url) as db:
            migrate(db)
            db.commit()
            db.execute("INSERT INTO repositories (name, last_commit) VALUES ('kept', 'abc')")
            db.execute(
                "INSERT INTO commits (repository, seq, sha, author, timestamp, totals, modules)"
                " SELECT id, 1, 'abc', 'Ann', 1, '{\"debt_minutes\": 90}', '{}'"
                " FROM repositories"
            )
            db.commit()
            assert schema_version(db) == 2
            assert db.execute("SELECT to_regclass('boundary_summaries')").fetchone()[0] is None
    _history(repo, "--store", url)
    with connect(url) as db:
        assert schema_version(db) == 3
        kept = db.execute(
            "SELECT c.sha, c.totals FROM commits c JOIN repositories r ON r.id = c.repository"
            " WHERE r.name = 'kept'"
        ).fetchall()
    assert kept == [("abc", {"debt_minutes": 90})]
    rows = _rows(url, tmp_path)
    assert rows["kept"]["debt_hours"] == 1.5 and rows["kept"]["boundaries"] is None
    assert rows["tangled"]["boundaries"]["cycles"] == 1


def test_a_version_3_store_is_refused_by_a_codehealth_that_knows_2(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = fresh_database(server, "boundaries_v3")
    with connect(url) as db:
        migrate(db)
        db.commit()
        monkeypatch.setattr(store_postgres, "SCHEMA_VERSION", 2)
        with pytest.raises(StoreError, match="version 3, written by a newer codehealth") as raised:
            migrate(db)
    assert "versions up to 2: upgrade codehealth" in str(raised.value)


def test_the_sqlite_history_records_no_boundaries(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "tangled", TANGLED)
    recorded = _history(repo)
    assert recorded["new_commits"] == 1
    assert not any("boundaries" in note for note in recorded["notes"])
    with sqlite3.connect(repo / ".codehealth" / "history.sqlite") as db:
        listed = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {row[0] for row in listed}
    assert tables == {"meta", "blobs", "commits", "tree"}  # the layout older versions read
    assert not (repo / ".codehealth" / "boundaries").exists()  # no boundaries run


def test_the_boundaries_setting_must_be_true_or_false(tmp_path: Path) -> None:
    repo = _repo(
        tmp_path / "odd",
        {**CLEAN, "pyproject.toml": '[tool.codehealth.history]\nboundaries = "no"\n'},
    )
    run = run_cli("history", cwd=repo)
    assert run.code == 2 and "boundaries" in run.err and "true or false" in run.err, run.err
