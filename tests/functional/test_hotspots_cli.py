"""``codehealth hotspots`` end to end on small repositories with a real, dated history."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from clitools import Run
from historytools import ANN, BOB, Step, commit, git, make_history, shallow_clone, shop_history

Cli = Callable[..., Run]


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shop_history(tmp_path_factory.mktemp("history") / "shop")


def hotspots_json(cli: Cli, repo: Path, *args: str) -> Any:
    run = cli("hotspots", "--format", "json", *args, cwd=repo)
    assert run.code == 0, run.err
    return run.json()


def by_path(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["path"]: row for row in rows}


def test_the_often_changed_complex_file_is_the_hotspot_with_its_reasons(cli: Cli, shop: Path):
    report = hotspots_json(cli, shop)
    first = report["files"][0]
    assert first["path"] == "src/shop/billing.py"
    assert first["hotspot"] is True
    assert first["revisions"] == 9  # 8 edits + creation in the window; the bot's is left out
    assert first["debt_minutes"] > 0
    reasons = " ".join(first["reasons"])
    assert "changed in 9 commits" in reasons and "price() 36" in reasons and "CH102" in reasons
    # legacy.py is as complex but has not changed for two years: not in the window at all
    assert "src/shop/legacy.py" not in by_path(report["files"])
    assert [row["path"] for row in report["files"] if row["hotspot"]] == ["src/shop/billing.py"]


def test_functions_inside_the_hotspot_are_ranked_by_their_own_changes(cli: Cli, shop: Path):
    functions = hotspots_json(cli, shop)["functions"]
    assert functions[0]["qualname"] == "price"
    assert functions[0]["changes"] == 9
    total = next(row for row in functions if row["qualname"] == "total")
    assert total["changes"] == 1  # only when the file was created: its lines never changed


def test_non_source_files_and_bots_are_left_out(cli: Cli, shop: Path):
    report = hotspots_json(cli, shop)
    paths = {row["path"] for row in report["files"]} | {r["path"] for r in report["ownership"]}
    assert not any(p.endswith((".md", ".txt", ".mailmap")) for p in paths)
    assert report["authors"] == 2  # Ann and Bob; not dependabot[bot]


def test_bots_are_configurable(cli: Cli, tmp_path: Path):
    repo = make_history(
        tmp_path / "r",
        [
            Step("ci-robot", "ci@example.com", 10, {"a.py": "x = 1\n"}),
            Step(*ANN, 5, {"a.py": "x = 2\n"}),
        ],
    )
    assert by_path(hotspots_json(cli, repo)["files"])["a.py"]["revisions"] == 2
    (repo / "pyproject.toml").write_text('[tool.codehealth.history]\nbots = ["ci-*"]\n')
    assert by_path(hotspots_json(cli, repo)["files"])["a.py"]["revisions"] == 1


def test_mailmap_joins_one_author_with_two_emails(cli: Cli, shop: Path):
    """ "ann <ann@old-laptop.local>" is Ann Example through .mailmap; Bob committed from two
    e-mails under one name. Without .mailmap there would be three authors."""
    assert "ann@old-laptop.local" in git(shop, "log", "--format=%ae")
    report = hotspots_json(cli, shop)
    billing = by_path(report["files"])["src/shop/billing.py"]
    assert billing["authors"] == 2
    owner = by_path(report["ownership"])["src/shop/billing.py"]
    assert owner["authors"] == 2 and owner["main_developer"] == "Ann Example"


def test_a_file_renamed_twice_keeps_one_history(cli: Cli, shop: Path):
    report = hotspots_json(cli, shop, "--since", "all")
    owners = by_path(report["ownership"])
    assert "src/shop/util.py" not in owners and "src/shop/helpers.py" not in owners
    tools = owners["src/shop/tools.py"]
    assert tools["revisions"] == 4  # created as util.py, renamed, edited as helpers.py, renamed
    assert tools["authors"] == 2
    assert report["renames"] == 2


def test_coupling_ownership_age_and_truck_factor(cli: Cli, shop: Path):
    report = hotspots_json(cli, shop)
    pair = report["coupling"][0]
    assert {pair["first"], pair["second"]} == {"src/shop/billing.py", "src/shop/orders.py"}
    assert pair["shared"] == 5 and pair["degree"] == pytest.approx(5 / 7)
    legacy = by_path(report["ownership"])["src/shop/legacy.py"]
    assert legacy["age_months"] > 24
    owner = by_path(report["ownership"])["src/shop/billing.py"]
    assert 0 < owner["fragmentation"] < 0.5 and owner["share"] > 0.5
    assert report["truck_factor"]["factor"] == 1
    assert report["truck_factor"]["people"] == ["Ann Example"]
    assert report["module_truck_factors"][0]["scope"] == "shop"


def test_huge_commits_are_left_out_of_coupling(cli: Cli, tmp_path: Path):
    steps = [Step(*ANN, 30 - i, {f"m{n}.py": f"x = {i}\n" for n in range(3)}) for i in range(6)]
    repo = make_history(tmp_path / "r", steps)
    assert len(hotspots_json(cli, repo)["coupling"]) == 3
    (repo / "pyproject.toml").write_text("[tool.codehealth.history]\nhuge_commit = 2\n")
    assert hotspots_json(cli, repo)["coupling"] == []


def test_table_output_names_the_hotspot_and_why(cli: Cli, shop: Path):
    run = cli("hotspots", cwd=shop)
    assert run.code == 0
    assert "why src/shop/billing.py: changed in 9 commits" in run.out
    assert "truck factor of the repository: 1 (Ann Example)" in run.out
    assert "\x1b[" not in run.out  # plain text in a pipe: no colour, no progress bar
    assert run.err == ""


def test_not_a_git_repository_is_exit_2(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "a.py").write_text("x = 1\n")
    run = cli("hotspots", cwd=tmp_path)
    assert run.code == 2
    assert "not a git repository" in run.err


def test_an_empty_repository_is_exit_2_saying_so(cli: Cli, tmp_path: Path):
    """No commit: there is no history to rank by (it was exit 0 with a note)."""
    repo = tmp_path / "empty"
    repo.mkdir()
    git(repo, "init", "-q")
    run = cli("hotspots", "--format", "json", cwd=repo)
    assert run.code == 2 and run.out == ""
    assert "no commits yet" in run.err and "commit first" in run.err


def test_a_shallow_clone_is_marked_truncated(cli: Cli, shop: Path, tmp_path: Path):
    """The clone's 3 commits (10, 5 and 1 days old) cover a 7-day window."""
    clone = shallow_clone(shop, tmp_path / "clone", depth=3)
    report = hotspots_json(cli, clone, "--since", "7.days")
    assert report["truncated"] == 3
    assert any("history truncated at 3 commits" in note for note in report["notes"])
    run = cli("hotspots", "--since", "7.days", cwd=clone)
    assert "history truncated at 3 commits" in run.out


@pytest.mark.parametrize("window", [None, "all", "30.days"])
def test_a_shallow_clone_shorter_than_the_window_is_exit_2(
    cli: Cli, shop: Path, tmp_path: Path, window: str | None
):
    """Counts in a window the clone does not reach would be wrong: exit 2 and the fix."""
    clone = shallow_clone(shop, tmp_path / "clone", depth=3)
    args = ("--since", window) if window else ()
    run = cli("hotspots", *args, cwd=clone)
    assert run.code == 2, run.err
    assert "shallow clone of 3 commits" in run.err
    assert "git fetch --unshallow" in run.err and "fetch-depth: 0" in run.err
    plan = cli("plan", "--budget", "4h", *args, cwd=clone)
    assert plan.code == 2 and "shallow clone of 3 commits" in plan.err


def test_a_window_with_no_commits(cli: Cli, shop: Path):
    report = hotspots_json(cli, shop, "--since", "2.days")  # only .mailmap changed since
    assert report["files"] == [] and report["window_commits"] == 0
    assert any("no commits changed the analysed files" in note for note in report["notes"])


def test_a_window_written_wrongly_is_exit_2(cli: Cli, shop: Path):
    run = cli("hotspots", "--since", "soon", cwd=shop)
    assert run.code == 2
    assert "12.months" in run.err


def test_commits_with_no_python_changes(cli: Cli, tmp_path: Path):
    repo = make_history(
        tmp_path / "r",
        [Step(*ANN, 5 - i, {"README.md": f"v{i}\n", "CHANGELOG.md": f"{i}\n"}) for i in range(3)],
    )
    report = hotspots_json(cli, repo)
    assert report["commits"] == 3 and report["window_commits"] == 0
    assert report["files"] == [] and report["ownership"] == []


def test_merges_are_not_counted_as_changes(cli: Cli, tmp_path: Path):
    """Only merges in the window: the branch's own commits are older, the merges say
    nothing about who changed what, so the window is empty and nothing is counted twice."""
    repo = make_history(tmp_path / "r", [Step(*ANN, 100, {"a.py": "x = 1\n"})])
    git(repo, "checkout", "-q", "-b", "topic")
    commit(repo, Step(*BOB, 90, {"a.py": "x = 2\n"}))
    git(repo, "checkout", "-q", "main")
    commit(repo, Step(*ANN, 80, {"b.py": "y = 1\n"}))
    git(repo, "merge", "-q", "--no-ff", "--no-edit", "topic")  # the merge is dated now
    recent = hotspots_json(cli, repo, "--since", "30.days")
    assert recent["window_commits"] == 0 and recent["files"] == []
    everything = hotspots_json(cli, repo, "--since", "all")
    assert everything["commits"] == 3
    assert by_path(everything["files"])["a.py"]["revisions"] == 2


def test_the_log_is_cached_by_head_and_extended_with_new_commits(cli: Cli, tmp_path: Path):
    repo = make_history(
        tmp_path / "r", [Step(*ANN, 5 - i, {"a.py": f"x = {i}\n"}) for i in range(3)]
    )
    assert by_path(hotspots_json(cli, repo)["files"])["a.py"]["revisions"] == 3
    assert (repo / ".codehealth" / "history-log.sqlite").is_file()
    assert by_path(hotspots_json(cli, repo)["files"])["a.py"]["revisions"] == 3  # from the cache
    commit(repo, Step(*BOB, 1, {"a.py": "x = 9\n", "b.py": "y = 1\n"}))
    report = hotspots_json(cli, repo)  # extended with LAST..HEAD
    assert by_path(report["files"])["a.py"]["revisions"] == 4
    assert by_path(report["files"])["b.py"]["revisions"] == 1
    assert report["authors"] == 2
    git(repo, "commit", "-q", "--amend", "-m", "rewritten", "--author", "Cy <cy@example.com>")
    rewritten = hotspots_json(cli, repo)  # the cached HEAD is gone: read again
    assert by_path(rewritten["files"])["b.py"]["authors"] == 1
    assert "Cy" in {row["main_developer"] for row in rewritten["ownership"]}


def test_a_changed_mailmap_reads_the_log_again(cli: Cli, tmp_path: Path):
    repo = make_history(
        tmp_path / "r",
        [
            Step("ann", "ann@old.example", 3, {"a.py": "x = 1\n"}),
            Step(*ANN, 2, {"a.py": "x = 2\n"}),
        ],
    )
    assert by_path(hotspots_json(cli, repo)["files"])["a.py"]["authors"] == 2
    (repo / ".mailmap").write_text("Ann Example <ann@example.com> <ann@old.example>\n")
    assert by_path(hotspots_json(cli, repo)["files"])["a.py"]["authors"] == 1
