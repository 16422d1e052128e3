"""Issue 17: ``codehealth portfolio --store URL`` shows every repository of a shared store
(a real PostgreSQL server) in one table, as JSON and as markdown; the numbers are the ones
``codehealth history`` recorded, names are data (never SQL), and a store without history or
no store at all is a usage error."""

from __future__ import annotations

from pathlib import Path

import pytest
from clitools import run_cli
from historytools import Step, commit, complex_function, git, shop_history
from postgres_server import Server, fresh_database, server

from codehealth.adapters.store import connect

__all__ = ["server"]  # the fixture, imported

EVIL = "x'); DROP TABLE commits; --"


def _history(repo: Path, url: str) -> dict:
    run = run_cli("history", "--format", "json", "--store", url, cwd=repo)
    assert run.code == 0, run.out + run.err
    return run.json()


def _two_repositories(tmp_path: Path, url: str, name: str = EVIL) -> tuple[dict, dict]:
    """github.com/example/shop and a repository called ``name`` that added pricing.py."""
    shop = shop_history(tmp_path / "shop")
    git(shop, "remote", "add", "origin", "git@github.com:Example/Shop.git")
    evil = shop_history(tmp_path / "evil")
    settings = f'[tool.codehealth.history]\nname = "{name}"\n'
    extra = {"src/shop/pricing.py": complex_function("quote", 7), "pyproject.toml": settings}
    commit(evil, Step("Ann", "ann@example.com", 0.5, extra, message="pricing"))
    return _history(shop, url), _history(evil, url)


@pytest.mark.slow
def test_the_portfolio_shows_every_repository_with_the_recorded_numbers(
    server: Server, tmp_path: Path
) -> None:
    url = fresh_database(server, "portfolio")
    shop, evil = _two_repositories(tmp_path, url)
    expected = {
        "github.com/example/shop": shop["snapshots"][-1],
        EVIL: evil["snapshots"][-1],
    }
    assert (
        expected[EVIL]["totals"]["debt_minutes"]
        != expected["github.com/example/shop"]["totals"]["debt_minutes"]
    )  # the two differ, so a swapped row would show
    run = run_cli("portfolio", "--store", url, "--format", "json", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    document = run.json()
    rows = {row["name"]: row for row in document["repositories"]}
    assert set(rows) == set(expected)
    for name, snapshot in expected.items():
        assert rows[name]["debt_hours"] == pytest.approx(snapshot["totals"]["debt_minutes"] / 60)
        assert rows[name]["last_commit"] == snapshot["sha"][:10]
        assert rows[name]["rating"] in "ABCDE"
    # pricing.py, added in the last commit, raised the debt inside the window
    assert rows[EVIL]["debt_change_hours"] > rows["github.com/example/shop"]["debt_change_hours"]
    assert rows["github.com/example/shop"]["hotspots"], "billing.py changed in the window"
    for output_format in ("table", "markdown"):
        shown = run_cli("portfolio", "--store", url, "--format", output_format, cwd=tmp_path)
        assert shown.code == 0, shown.out + shown.err
        assert "github.com/example/shop" in shown.out
        assert "DROP TABLE commits" in shown.out
    with connect(url) as db:
        names = {row[0] for row in db.execute("SELECT name FROM repositories")}
        commits = db.execute("SELECT count(*) FROM commits").fetchone()[0]
    assert names == set(expected)
    assert commits == len(shop["snapshots"]) + len(evil["snapshots"])  # nothing dropped


def test_a_store_without_history_and_no_store_are_usage_errors(
    server: Server, tmp_path: Path
) -> None:
    url = fresh_database(server, "empty_portfolio")
    run = run_cli("portfolio", "--store", url, cwd=tmp_path)
    assert run.code == 2, run.out + run.err
    assert "the store holds no codehealth history yet" in run.err
    with connect(url) as db:  # only read: no schema was created
        assert db.execute("SELECT to_regclass('codehealth_schema')").fetchone()[0] is None
    missing = run_cli("portfolio", cwd=tmp_path)
    assert missing.code == 2 and "--store" in missing.err
    not_postgres = run_cli("portfolio", "--store", "mysql://u:pw@db/x", cwd=tmp_path)
    assert not_postgres.code == 2 and "pw" not in not_postgres.err


@pytest.mark.slow
def test_an_older_schema_or_a_role_that_may_not_read_is_a_usage_error(
    server: Server, tmp_path: Path
) -> None:
    url = fresh_database(server, "old_portfolio")
    with connect(url) as db:  # a store written by a codehealth of schema version 1
        db.execute("CREATE TABLE codehealth_schema (version INTEGER)")
        db.execute("INSERT INTO codehealth_schema VALUES (1)")
    run = run_cli("portfolio", "--store", url, cwd=tmp_path)
    assert run.code == 2 and "schema is version 1, older" in run.err, run.err
    url = fresh_database(server, "locked_portfolio")
    _history(shop_history(tmp_path / "shop"), url)
    with connect(server.url()) as admin:
        admin.autocommit = True
        admin.execute("DROP ROLE IF EXISTS outsider")
        admin.execute("CREATE ROLE outsider LOGIN PASSWORD 'outsider-pw'")
    outsider = f"postgresql://outsider:outsider-pw@{server.host}:{server.port}/locked_portfolio"
    run = run_cli("portfolio", "--store", outsider, cwd=tmp_path)
    assert run.code == 2 and "permission denied" in run.err, run.err
    assert "outsider-pw" not in run.err and "Traceback" not in run.err


def test_a_page_folder_that_cannot_be_made_fails_before_the_store_is_read(
    tmp_path: Path,
) -> None:
    (tmp_path / "afile").write_text("")
    run = run_cli(
        "portfolio",
        "--store",
        "postgresql://nobody@127.0.0.1:1/x",
        "--html",
        "afile/out",
        cwd=tmp_path,
    )
    assert run.code == 2, run.out + run.err
    assert "afile/out" in run.err and "cannot create the page's folder" in run.err
