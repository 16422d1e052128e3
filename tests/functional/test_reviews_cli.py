"""``codehealth reviews`` end to end on small repositories with dated histories."""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from clitools import Run, clean_env, write_files
from historytools import ANN, BOB, Step, complex_function, git, make_history, shallow_clone

PYPROJECT = "[tool.codehealth.review]\nhotspots = 1\n"
INIT = 'from shop.orders import place\n\n__all__ = ["place"]\n'
EXPORTED = INIT.replace('"place"]', '"place", "cancel"]') + "cancel = 1\n"
ORDERS = "def place(order):\n    return order\n"


def _at(repo: Path, day: str, message: str, files: dict[str, str], *, name: str = "Ann") -> str:
    """Commit ``files`` at noon UTC of ``day`` (YYYY-MM-DD)."""
    write_files(repo, files)
    git(repo, "add", "--all")
    return _commit(repo, day, message, name)


def _commit(repo: Path, day: str, message: str, name: str = "Ann", *extra: str) -> str:
    when = f"{day}T12:00:00+00:00"
    env = {
        **clean_env(),
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": f"{name.lower()}@example.com",
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": f"{name.lower()}@example.com",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    if extra:
        git(repo, *extra, "-m", message, env=env)
    else:
        git(repo, "commit", "-q", "--no-verify", "--allow-empty", "-m", message, env=env)
    return git(repo, "rev-parse", "HEAD").strip()


def _init(path: Path) -> Path:
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "commit.gpgsign", "false")
    return path


def _shop(path: Path) -> tuple[Path, dict[str, str]]:
    """Two months of a small shop: January sets it up, March changes its API, touches
    the hotspot and adds a dependency between two modules."""
    repo = _init(path)
    shas = {
        "setup": _at(
            repo,
            "2025-01-10",
            "set up",
            {
                "pyproject.toml": PYPROJECT,
                "src/shop/__init__.py": INIT,
                "src/shop/orders.py": ORDERS,
                "src/shop/billing/__init__.py": "",
                "src/shop/billing/fees.py": "RATE = 2\n",
                "tests/__init__.py": "",
            },
        ),
        "small": _at(repo, "2025-01-20", "small", {"src/shop/orders.py": ORDERS + "# one\n"}),
        "again": _at(repo, "2025-01-25", "again", {"src/shop/orders.py": ORDERS + "# two\n"}),
        "api": _at(
            repo,
            "2025-03-05",
            "export cancel",
            {"src/shop/__init__.py": EXPORTED},
        ),
        # 25 lines added, 1 removed: enough of the hotspot changed to count (a line would not)
        "hot": _at(repo, "2025-03-06", "hot", {"src/shop/orders.py": ORDERS + "# 3\n" * 25}),
        "dependency": _at(
            repo,
            "2025-03-07",
            "fees use orders",
            {"src/shop/billing/fees.py": "from shop.orders import place\n\nRATE = 2\n"},
        ),
    }
    return repo, shas


def _json(cli: Callable[..., Run], repo: Path, *args: str) -> dict[str, Any]:
    run = cli("reviews", "--window", "all", "--format", "json", *args, cwd=repo)
    assert run.code == 0, run.err
    document: dict[str, Any] = run.json()
    return document


def _by_sha(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {change["sha"]: change for change in document["reviewed"]}


def test_two_months_of_changes_by_level_with_their_reasons(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    repo, shas = _shop(tmp_path / "shop")
    document = _json(cli, repo)
    assert document["schema_version"] == 1
    assert (document["changes"], document["merges"], document["target"]) == (6, 0, 0.10)
    changes = _by_sha(document)
    assert [c["sha"] for c in document["reviewed"]] == list(reversed(shas.values()))
    assert changes[shas["setup"]]["level"] == "design"
    assert changes[shas["setup"]]["reasons"] == [  # a test package is no new module
        {"kind": "module", "text": "new package shop"},
        {"kind": "module", "text": "new package shop.billing"},
    ]
    assert changes[shas["small"]]["level"] == "lightweight"
    assert changes[shas["small"]]["reasons"] == []
    assert (changes[shas["small"]]["files"], changes[shas["small"]]["lines"]) == (1, 1)
    api = changes[shas["api"]]
    assert api["level"] == "design" and api["api_packages"] == ["shop"]
    assert api["reasons"] == [{"kind": "api", "text": "public API of shop changed (added cancel)"}]
    hot = changes[shas["hot"]]
    assert hot["level"] == "careful"
    assert hot["reasons"] == [
        {"kind": "hotspot", "text": "changes 26 lines of hotspot #1 src/shop/orders.py"}
    ]
    dependency = changes[shas["dependency"]]
    assert dependency["level"] == "design"
    assert dependency["reasons"] == [
        {"kind": "dependency", "text": "new dependency shop.billing -> shop"}
    ]
    january, march = document["months"]
    assert january["month"] == "2025-01" and march["month"] == "2025-03"
    assert (january["lightweight"], january["careful"], january["design"]) == (2, 0, 1)
    assert (march["lightweight"], march["careful"], march["design"]) == (0, 1, 2)
    assert march["design_share"] == pytest.approx(2 / 3) and march["vs_target"] == "above"
    assert (march["hotspot_changes"], march["api_changes"], march["top_api_package"]) == (
        1,
        1,
        "shop",
    )
    assert document["packages"] == [
        {"package": "shop", "changes": 1, "months": ["2025-03"], "latest": shas["api"]}
    ]


def test_a_rerun_reads_only_the_new_changes(
    tmp_path: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, shas = _shop(tmp_path / "shop")
    import codehealth.review.habit_walk as walk

    asked: list[list[str]] = []
    real = walk.main_line_diffs

    def recording(root: str, wanted: list[str]) -> Any:
        asked.append(list(wanted))
        return real(root, wanted)

    monkeypatch.setattr(walk, "main_line_diffs", recording)
    first = _json(cli, repo)
    assert (repo / ".codehealth" / "reviews.sqlite").is_file()
    again = _json(cli, repo)
    assert again["reviewed"] == first["reviewed"]
    newest = _at(repo, "2025-03-09", "later", {"src/shop/billing/fees.py": "RATE = 3\n"})
    third = _json(cli, repo)
    assert asked == [list(shas.values()), [newest]]  # oldest first; nothing read twice
    assert third["changes"] == 7
    assert _by_sha(third)[shas["dependency"]]["level"] == "design"
    assert _by_sha(third)[newest]["level"] == "lightweight"  # the import went: no new one


def test_a_merge_is_one_change_its_diff_against_the_first_parent(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    repo = _init(tmp_path / "merged")
    _at(repo, "2025-01-10", "set up", {"app.py": "A = 1\n"})
    git(repo, "checkout", "-q", "-b", "feature")
    _at(repo, "2025-01-11", "one", {"app.py": "A = 1\nB = 2\n"}, name="Bob")
    _at(repo, "2025-01-12", "two", {"app.py": "A = 1\nB = 2\nC = 3\n", "lib.py": "X = 1\n"})
    git(repo, "checkout", "-q", "main")
    merge = _commit(repo, "2025-01-13", "Merge feature", "Ann", "merge", "-q", "--no-ff", "feature")
    document = _json(cli, repo)
    assert (document["changes"], document["merges"]) == (2, 1)
    change = document["reviewed"][0]
    assert change["sha"] == merge and change["merge"] is True
    assert (change["files"], change["lines"]) == (2, 3)  # app.py +2, lib.py +1


def test_a_shallow_clone_judges_what_it_holds_and_says_so(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    repo, shas = _shop(tmp_path / "shop")
    clone = shallow_clone(repo, tmp_path / "clone", 2)
    document = _json(cli, clone)
    assert [c["sha"] for c in document["reviewed"]] == [shas["dependency"]]  # the cut left out
    assert document["reviewed"][0]["level"] == "design"
    assert any(note.startswith("shallow clone:") for note in document["notes"])


def test_one_commit_is_one_change_and_no_commit_is_exit_2(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    repo = _init(tmp_path / "one")
    first = _at(repo, "2025-01-10", "first", {"app.py": "A = 1\n"})
    document = _json(cli, repo)
    assert [(c["sha"], c["level"]) for c in document["reviewed"]] == [(first, "lightweight")]
    assert "one commit: the first commit is the only change" in document["notes"]
    empty = _init(tmp_path / "empty")
    run = cli("reviews", cwd=empty)
    assert run.code == 2 and "no commits" in run.err
    bad = cli("reviews", "--window", "soon", cwd=repo)
    assert bad.code == 2 and "cannot read the window" in bad.err


def test_the_default_window_is_counted_back_from_now(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    repo = _init(tmp_path / "recent")
    today = datetime.datetime.now(datetime.timezone.utc).date()
    _at(repo, "2020-01-10", "old", {"app.py": "A = 1\n"})
    recent = _at(repo, today.isoformat(), "new", {"app.py": "A = 2\n"})
    run = cli("reviews", "--format", "json", cwd=repo)
    assert run.code == 0, run.err
    document = run.json()
    assert document["window"] == "12.months"
    assert [c["sha"] for c in document["reviewed"]] == [recent]
    assert [m["month"] for m in document["months"]] == [today.strftime("%Y-%m")]
    table = cli("reviews", cwd=repo)
    assert table.code == 0 and "1 change on the main line" in table.out
    markdown = cli("reviews", "--format", "markdown", cwd=repo)
    assert markdown.code == 0 and markdown.out.startswith("## Review habit")


def test_an_unreadable_blob_costs_only_the_reasons_that_needed_it(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    repo = make_history(
        tmp_path / "damaged",
        [
            Step(*ANN, 60, {"app/__init__.py": "", "app/big.py": "A = 1\n"}),
            Step(*BOB, 40, {"app/big.py": "A = 2\n", "app/small.py": "B = 1\n"}),
            Step(*ANN, 20, {"app/big.py": "A = 3\n"}),
            Step(*BOB, 10, {"app/small.py": "B = 2\n"}),
        ],
    )
    blob = git(repo, "rev-parse", "HEAD~2:app/big.py").strip()
    needing = git(repo, "rev-parse", "HEAD~2", "HEAD~1").split()  # brought it, replaced it
    shutil.rmtree(repo / ".codehealth", ignore_errors=True)
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()  # loose: never packed
    document = _json(cli, repo)
    assert document["changes"] == 4
    changes = _by_sha(document)
    for sha in needing:
        assert changes[sha]["notes"] == [
            "a blob git cannot read: line counts unknown",
            "app/big.py: a blob git cannot read; its API and imports unknown",
        ]
    newest = document["reviewed"][0]
    assert newest["notes"] == [] and (newest["files"], newest["lines"]) == (1, 2)


def test_a_function_made_more_complex_needs_a_careful_review(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    repo = _init(tmp_path / "rise")
    simple = "def price(kind, qty, member, coupon, season):\n    return qty\n"
    _at(repo, "2025-01-10", "set up", {"app/__init__.py": "", "app/calc.py": simple})
    rise = _at(repo, "2025-01-11", "tangle", {"app/calc.py": complex_function("price", 0)})
    tests = _at(repo, "2025-01-12", "tests", {"tests/test_calc.py": complex_function("t", 0)})
    changes = _by_sha(_json(cli, repo))
    assert changes[rise]["level"] == "careful"
    reasons = changes[rise]["reasons"]
    assert {reason["kind"] for reason in reasons} == {"complexity"}
    texts = [reason["text"] for reason in reasons]
    assert texts[0].startswith("app/calc.py: price cyclomatic complexity rose 1 → ")
    assert any(
        text.startswith("app/calc.py: price cognitive complexity rose 0 → ") for text in texts
    )
    assert changes[tests]["level"] == "lightweight"  # a new test function: no rise


def test_mailmap_names_the_author_and_deleting_a_hotspot_touches_it(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    repo = _init(tmp_path / "names")
    body = "B = 0\n" * 24  # deleting the hotspot removes 25 lines: enough to count
    first = {"pyproject.toml": PYPROJECT, "hot.py": "A = 1\n" + body}
    _at(repo, "2025-01-02", "one", first, name="ann")
    _at(repo, "2025-01-03", "two", {"hot.py": "A = 2\n" + body}, name="ann")
    _at(repo, "2025-01-04", "three", {"hot.py": "A = 3\n" + body}, name="ann")
    (repo / "hot.py").unlink()
    git(repo, "add", "--all")
    gone = _commit(repo, "2025-02-02", "delete the hotspot", "ann")
    write_files(repo, {".mailmap": "Ann Example <ann@example.com> ann <ann@example.com>\n"})
    git(repo, "add", "--all")
    mailmap = _commit(repo, "2025-02-03", "mailmap", "ann")
    changes = _by_sha(_json(cli, repo))
    assert {change["author"] for change in changes.values()} == {"Ann Example"}
    assert changes[gone]["reasons"] == [
        {"kind": "hotspot", "text": "changes 25 lines of hotspot #1 hot.py"}
    ]
    assert changes[mailmap]["level"] == "lightweight"
