"""Issue 17: ``codehealth history --store URL --shard I/N`` builds one history from many
jobs at once (a real PostgreSQL server): together they measure each blob once, the commits
are recorded once and equal one job's; a job killed before the others finish is run again
and the history completes; the faults a shared store meets are each told with exit 2."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from clitools import commit_all, init_repo, run_cli, write_files
from historytools import shop_history
from postgres_server import PASSWORD, Server, fresh_database, restart, server

from codehealth.adapters.history_db import Recorded
from codehealth.adapters.store import PostgresHistoryStore, connect

__all__ = ["server"]  # the fixture, imported


def _history(repo: Path, *args: str) -> dict:
    run = run_cli("history", "--format", "json", *args, cwd=repo)
    assert run.code == 0, run.out + run.err
    return run.json()


def _stored(url: str) -> tuple[int, int]:
    """(commits in the store, commits stored more than once)."""
    with connect(url) as db:
        count = db.execute("SELECT count(*) FROM commits").fetchone()[0]
        twice = db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM commits GROUP BY repository, sha"
            " HAVING count(*) > 1) d"
        ).fetchone()[0]
    return count, twice


def test_four_shards_at_once_measure_each_blob_once_and_record_one_history(
    server: Server, tmp_path: Path
) -> None:
    url = fresh_database(server, "shards")
    shop = shop_history(tmp_path / "shop")
    alone = _history(shop)  # one job, the SQLite store
    with ThreadPoolExecutor(4) as pool:
        runs = list(
            pool.map(lambda i: _history(shop, "--store", url, "--shard", f"{i}/4"), [1, 2, 3, 4])
        )
    assert sum(run["analysed_blobs"] for run in runs) == alone["analysed_blobs"]
    assert sum(run["new_commits"] for run in runs) == alone["new_commits"] == 15
    assert _stored(url) == (15, 0)
    assert _history(shop, "--store", url)["snapshots"] == alone["snapshots"]


def test_a_killed_shard_run_again_completes_the_history(server: Server, tmp_path: Path) -> None:
    url = fresh_database(server, "killed")
    shop = shop_history(tmp_path / "shop")
    first = _history(shop, "--store", url, "--shard", "1/2")  # job 2 never ran (killed)
    assert first["new_commits"] == 0 and first["analysed_blobs"] > 0
    [waiting] = [note for note in first["notes"] if note.startswith("shard 1/2")]
    assert "the last shard to finish records the 15 commits" in waiting
    assert _stored(url) == (0, 0)
    second = _history(shop, "--store", url, "--shard", "2/2")
    assert second["new_commits"] == 15 and _stored(url) == (15, 0)
    again = _history(shop, "--store", url, "--shard", "1/2")  # idempotent
    assert (again["new_commits"], again["analysed_blobs"]) == (0, 0)
    assert again["snapshots"] == _history(shop)["snapshots"]


def test_a_shard_spec_outside_1_to_n_is_a_usage_error(tmp_path: Path) -> None:
    shop = shop_history(tmp_path / "shop")
    for spec in ("3/2", "0/4", "two"):
        run = run_cli("history", "--shard", spec, cwd=shop)
        assert run.code == 2 and f"--shard {spec}" in run.err.replace("'", ""), run.err


def test_two_repositories_claiming_one_name_are_told_apart(server: Server, tmp_path: Path) -> None:
    url = fresh_database(server, "names")
    config = '[tool.codehealth.history]\nname = "shop"\n'
    shop = shop_history(tmp_path / "shop")
    write_files(shop, {"pyproject.toml": config})
    commit_all(shop, "config")
    (tmp_path / "other").mkdir()
    other = init_repo(tmp_path / "other")
    write_files(other, {"pyproject.toml": config, "app.py": "x = 1\n"})
    commit_all(other, "first")
    assert _history(shop, "--store", url)["new_commits"] == 16
    run = run_cli("history", "--store", url, cwd=other)
    assert run.code == 2, run.out + run.err
    assert "the store's repository 'shop' is another one" in run.err
    assert "[tool.codehealth.history] name" in run.err
    assert _stored(url) == (16, 0)  # the first one's history is untouched


def test_a_role_that_may_only_read_is_told_it_cannot_create_or_write(
    server: Server, tmp_path: Path
) -> None:
    url = fresh_database(server, "readonly")
    with connect(server.url()) as admin:
        admin.autocommit = True
        admin.execute("DROP ROLE IF EXISTS reader")
        admin.execute("CREATE ROLE reader LOGIN PASSWORD 'reader-pw'")
    reader = f"postgresql://reader:reader-pw@{server.host}:{server.port}/readonly"
    shop = shop_history(tmp_path / "shop")
    run = run_cli("history", "--store", reader, cwd=shop)  # no schema yet
    assert run.code == 2 and "may not bring it to" in run.err, run.err
    _history(shop, "--store", url)  # the owner creates it
    with connect(url) as db:
        db.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
    run = run_cli("history", "--store", reader, cwd=shop)
    assert run.code == 2 and "permission denied" in run.err, run.err
    assert "reader-pw" not in run.err and "Traceback" not in run.err


def test_a_server_restarted_mid_run_loses_nothing(server: Server, tmp_path: Path) -> None:
    url = fresh_database(server, "restart")
    store = PostgresHistoryStore(url, "shop", "salt")
    try:
        restart(server)  # the store's connection is gone
        assert store.save(Recorded((("b" * 40, {"lines": 1.0}),), (), {}, "c" * 40, False))
        restart(server)
        assert store.last()[0] == "c" * 40
    finally:
        store.close()
    assert _stored(url) == (0, 0)


def test_a_password_in_a_committed_config_file_is_warned_about(
    server: Server, tmp_path: Path
) -> None:
    url = fresh_database(server, "configured")
    shop = shop_history(tmp_path / "shop")
    write_files(shop, {"pyproject.toml": f'[tool.codehealth.history]\nstore = "{url}"\n'})
    commit_all(shop, "config")
    run = run_cli("history", cwd=shop)
    assert run.code == 0, run.err
    assert "pyproject.toml holds the store URL with its password" in run.err
    assert "committed to git" in run.err and PASSWORD not in run.err + run.out
    assert _stored(url) == (16, 0)
