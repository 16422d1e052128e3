"""``codehealth hotspots --offboard NAME`` end to end on small repositories with a history:
the files and modules that lose their main author, who else knows them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from clitools import Run
from historytools import ANN, BOT, Step, make_history, shop_history

Cli = Callable[..., Run]


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shop_history(tmp_path_factory.mktemp("offboard") / "shop")


def offboard_json(cli: Cli, repo: Path, *names: str) -> Any:
    args = [arg for name in names for arg in ("--offboard", name)]
    run = cli("hotspots", "--format", "json", *args, cwd=repo)
    assert run.code == 0, run.err
    return run.json()


def by_path(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["path"]: row for row in rows}


def test_the_hot_file_its_owner_leaves_comes_first_with_who_else_knows_it(
    cli: Cli, shop: Path
) -> None:
    result = offboard_json(cli, shop, "ANN@example.com")
    assert result["leavers"] == [{"given": "ANN@example.com", "names": ["Ann Example"]}]
    first = result["files"][0]
    assert first["path"] == "src/shop/billing.py"
    assert (first["rank"], first["hotspot"]) == (1, True)
    assert first["main_developer"] == "Ann Example" and first["share"] > 0.5
    # .mailmap makes "ann <ann@old-laptop.local>" Ann: she is not her own next expert
    assert [e["name"] for e in first["experts"]] == ["Bob Builder"]
    legacy = by_path(result["files"])["src/shop/legacy.py"]
    assert legacy["rank"] == 0 and legacy["experts"] == []  # no one else
    [module] = result["modules"]
    assert module["module"] == "shop" and module["share"] == 1.0


def test_the_other_author_leaving_loses_no_main_author(cli: Cli, shop: Path) -> None:
    """Bob committed from two e-mails under one name: either finds him."""
    result = offboard_json(cli, shop, "bob@home.example")
    assert result["leavers"][0]["names"] == ["Bob Builder"]
    assert result["files"] == [] and result["modules"] == []
    both = offboard_json(cli, shop, "Ann Example", "bob builder")
    billing = by_path(both["files"])["src/shop/billing.py"]
    assert billing["share"] == 1.0 and billing["experts"] == []


def test_the_table_and_markdown_say_no_one_else(cli: Cli, shop: Path) -> None:
    run = cli("hotspots", "--offboard", "Ann Example", cwd=shop)
    assert run.code == 0, run.err
    assert "leaving: Ann Example = Ann Example" in run.out
    legacy = next(line for line in run.out.splitlines() if "src/shop/legacy.py" in line)
    assert "no one else" in legacy
    billing = next(line for line in run.out.splitlines() if "src/shop/billing.py" in line)
    assert "Bob Builder" in billing
    markdown = cli("hotspots", "--offboard", "Ann Example", "--format", "markdown", cwd=shop)
    assert markdown.code == 0, markdown.err
    assert "| **shop** | 100% | 5/5 |" in markdown.out
    assert "**no one else**" in markdown.out


def test_an_unknown_name_is_exit_2_with_the_close_names(cli: Cli, shop: Path) -> None:
    run = cli("hotspots", "--offboard", "Ann Exampel", cwd=shop)
    assert run.code == 2 and run.out == ""
    assert "matches no author" in run.err and "close: Ann Example" in run.err


def test_a_bot_is_neither_the_main_author_nor_a_leaver(cli: Cli, tmp_path: Path) -> None:
    generated = "".join(f"X{n} = {n}\n" for n in range(40))
    repo = make_history(
        tmp_path / "r",
        [
            Step(*BOT, 10, {"gen.py": generated}),
            Step(*ANN, 5, {"gen.py": generated + "Y = 1\n"}),
        ],
    )
    [row] = offboard_json(cli, repo, "Ann Example")["files"]
    assert row["path"] == "gen.py"
    assert row["share"] == 1.0 and row["experts"] == []  # the bot's 40 lines do not count
    run = cli("hotspots", "--offboard", BOT[0], cwd=repo)
    assert run.code == 2 and "is a bot" in run.err


def test_the_hotspots_report_as_markdown(cli: Cli, shop: Path) -> None:
    run = cli("hotspots", "--format", "markdown", cwd=shop)
    assert run.code == 0, run.err
    assert run.out.startswith("## codehealth hotspots\n")
    assert "### Hotspots: change frequency" in run.out
    row = next(line for line in run.out.splitlines() if "src/shop/billing.py**" in line)
    assert row.startswith(r"| \* | **src/shop/billing.py** | 100.0 |")
    assert r"truck factor of the repository\: 1 \(Ann Example\)" in run.out
