"""Issue 17: ``codehealth history --store postgresql://...`` records a repository into a
shared PostgreSQL store (a real server, started by the tests): the same history as the
SQLite store gives, many repositories in one store by their remote's name, a second run
adds nothing, and a bad password is said without the password."""

from __future__ import annotations

from pathlib import Path

from clitools import run_cli
from historytools import Step, commit, git, shop_history
from postgres_server import PASSWORD, Server, fresh_database, server

from codehealth.adapters.store import connect

__all__ = ["server"]  # the fixture, imported


def _history(repo: Path, *args: str) -> dict:
    run = run_cli("history", "--format", "json", *args, cwd=repo)
    assert run.code == 0, run.out + run.err
    return run.json()


def test_a_shared_store_holds_the_same_history_as_sqlite_once(
    server: Server, tmp_path: Path
) -> None:
    url = fresh_database(server, "history")
    shop = shop_history(tmp_path / "shop")
    git(shop, "remote", "add", "origin", "git@github.com:Example/Shop.git")
    other = shop_history(tmp_path / "other")
    local = _history(shop)
    shared = _history(shop, "--store", url)
    assert shared["snapshots"] == local["snapshots"] and shared["new_commits"] == 15
    [warning] = [n for n in shared["notes"] if "holds a password" in n]  # the URL has one
    assert ":***@" in warning and PASSWORD not in warning
    assert "holds a password" not in "".join(local["notes"])
    again = _history(shop, "--store", url)
    assert (again["snapshots"], again["new_commits"]) == (local["snapshots"], 0)  # nothing twice
    assert _history(other, "--store", url)["reused_blobs"] > 0  # measured once, for both
    with connect(url) as db:
        names = dict(db.execute("SELECT name, id FROM repositories").fetchall())
        counts = dict(db.execute("SELECT repository, count(*) FROM commits GROUP BY 1"))
        duplicated = db.execute(
            "SELECT count(*) FROM (SELECT sha FROM commits GROUP BY repository, sha"
            " HAVING count(*) > 1) d"
        ).fetchone()[0]
    assert set(names) == {"github.com/example/shop", "other"}
    assert counts[names["github.com/example/shop"]] == len(local["snapshots"])
    assert duplicated == 0


def test_the_store_comes_from_the_environment_too_and_a_bad_password_is_masked(
    server: Server, tmp_path: Path
) -> None:
    repo = shop_history(tmp_path / "shop")
    wrong = server.url(password="wrong-" + PASSWORD)
    run = run_cli("history", "--store", wrong, cwd=repo)
    assert run.code == 2, run.out + run.err
    assert "password authentication failed" in run.err and ":***@" in run.err
    assert "wrong-" not in run.out + run.err
    bad = run_cli("history", "--store", "mysql://u:pw@db/x", cwd=repo)
    assert bad.code == 2 and "expected a postgresql:// URL" in bad.err and "pw" not in bad.err


def test_the_html_report_draws_its_trend_from_the_shared_store(
    server: Server, tmp_path: Path
) -> None:
    url = fresh_database(server, "report")
    shop = shop_history(tmp_path / "shop")
    run = run_cli("report", "--html", tmp_path / "out", "--store", url, cwd=shop)
    assert run.code == 0, run.out + run.err
    assert not (shop / ".codehealth" / "history.sqlite").exists()
    with connect(url) as db:
        stored = db.execute(
            "SELECT r.name, c.sha FROM repositories r JOIN commits c ON c.repository = r.id"
        ).fetchall()
    assert {name for name, _ in stored} == {"shop"} and len(stored) == 15
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert all(f'"sha":"{sha[:12]}"' in page.replace(" ", "") for _, sha in stored)  # the trend


AUTHOR = "Robert'); DROP TABLE commits; --"
BRANCH = "x');DROP-TABLE-repositories;--"


def test_author_and_branch_names_that_look_like_sql_are_stored_as_data(
    server: Server, tmp_path: Path
) -> None:
    url = fresh_database(server, "injection")
    repo = shop_history(tmp_path / "shop")
    git(repo, "checkout", "-q", "-b", BRANCH)
    commit(repo, Step(AUTHOR, "bobby@example.com", 0.1, {"src/shop/extra.py": "X = 1\n"}))
    recorded = _history(repo, "--store", url)
    with connect(url) as db:
        authors = {row[0] for row in db.execute("SELECT author FROM commits")}
        commits = db.execute("SELECT count(*) FROM commits").fetchone()[0]
        repositories = db.execute("SELECT count(*) FROM repositories").fetchone()[0]
    assert AUTHOR in authors  # verbatim, and both tables are still there
    assert commits == len(recorded["snapshots"]) and repositories == 1
