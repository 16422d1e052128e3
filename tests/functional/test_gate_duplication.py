"""``codehealth gate`` on new copies (CH510): a copy of code elsewhere fails and names both
places; existing copies, renames and moves do not; copies in tests only warn."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clitools import Run, assert_no_traceback, git, write_files

PYPROJECT = '[project]\nname = "gated"\nversion = "0"\n'

NET_TOTAL = """def net_total(orders, currency):
    total = 0
    skipped = []
    for order in orders:
        if order.cancelled or order.currency != currency:
            skipped.append(order.id)
            continue
        total += order.amount * (1 - order.discount)
    if skipped:
        print("skipped %d orders" % len(skipped))
    return round(total, 2), skipped
"""
# the same code renamed, with other literals
COPY = (
    NET_TOTAL.replace("net_total", "invoice_total")
    .replace("orders", "invoices")
    .replace("order", "invoice")
    .replace("2)", "3)")
)
SHIP = "def ship(order):\n    return order.id\n"
FILES = {
    "pyproject.toml": PYPROJECT,
    "shop/__init__.py": "",
    "shop/fees.py": NET_TOTAL,
    "shop/orders.py": SHIP,
}


def _feature(make_repo: Callable[..., Path], files: dict[str, str] | None = None) -> Path:
    repo = make_repo("gated", {**FILES, **(files or {})})
    git(repo, "branch", "-M", "main")
    git(repo, "checkout", "--quiet", "-b", "feature")
    return repo


def _problems(run: Run) -> list[dict[str, Any]]:
    assert_no_traceback(run.err)
    return [p for p in run.json()["problems"] if p["rule"] == "CH510"]


def _gate(cli: Callable[..., Run], repo: Path, staged: bool = False) -> Run:
    against = ("--staged",) if staged else ("--base", "main")
    return cli("gate", *against, "--format", "json", cwd=repo)


def test_a_copy_of_untouched_code_fails_and_names_both_places(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = _feature(make_repo)
    write_files(repo, {"shop/orders.py": SHIP + "\n\n" + COPY})
    run = _gate(cli, repo)
    (problem,) = _problems(run)
    assert run.code == 1 and problem["level"] == "error"
    assert problem["path"] == "shop/orders.py" and problem["line"] == 5
    assert "lines 5-15 of shop/orders.py are a copy of shop/fees.py:1-11" in problem["message"]


def test_existing_copies_a_rename_and_a_move_do_not_count(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = _feature(make_repo, {"shop/orders.py": SHIP + "\n\n" + COPY})
    # an edit elsewhere in a file holding an old copy
    write_files(repo, {"shop/orders.py": SHIP.replace("order.id", "order.key") + "\n\n" + COPY})
    assert _problems(_gate(cli, repo)) == []
    git(repo, "commit", "--quiet", "-am", "edit")
    git(repo, "mv", "shop/orders.py", "shop/shipping.py")  # a rename
    assert _problems(_gate(cli, repo, staged=True)) == []
    git(repo, "commit", "--quiet", "-m", "rename")
    # a move: the function leaves fees.py for billing.py
    write_files(repo, {"shop/fees.py": "", "shop/billing.py": NET_TOTAL})
    git(repo, "add", "-A")
    assert _problems(_gate(cli, repo, staged=True)) == []


def test_a_large_change_with_a_small_copy_only_warns_and_the_limit_is_configurable(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = _feature(make_repo)
    filler = "".join(f"def step{i}(value):\n    return value * {i}\n\n\n" for i in range(100))
    write_files(repo, {"shop/orders.py": SHIP + "\n\n" + COPY + "\n\n" + filler})
    (problem,) = _problems(_gate(cli, repo))
    assert problem["level"] == "warning"  # 11 of 400+ added lines: under 3 %
    config = PYPROJECT + "\n[tool.codehealth.gate]\nmax_new_duplication = 0\n"
    write_files(repo, {"pyproject.toml": config})
    (problem,) = _problems(_gate(cli, repo))
    assert problem["level"] == "error"


def test_a_copy_in_a_test_only_warns(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = _feature(make_repo)
    write_files(repo, {"tests/test_fees.py": COPY})
    run = _gate(cli, repo)
    (problem,) = _problems(run)
    assert problem["level"] == "warning" and problem["path"] == "tests/test_fees.py"


def test_the_detector_off_reports_nothing(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    config = PYPROJECT + "\n[tool.codehealth.duplication]\nenabled = false\n"
    repo = _feature(make_repo, {"pyproject.toml": config})
    write_files(repo, {"shop/orders.py": SHIP + "\n\n" + COPY})
    assert _problems(_gate(cli, repo)) == []


def test_an_old_clone_edited_in_lockstep_is_not_new_and_one_grown_alike_only_warns(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    """Replayed on saleor: a deprecation text appended to the same fields of two GraphQL
    inputs that were already copies failed the merged commit; every copy growing alike is
    the existing clone edited consistently, shown but not failed."""
    repo = _feature(make_repo, {"shop/orders.py": SHIP + "\n\n" + COPY})

    def edited(text: str) -> str:  # the same new line in both copies
        return text.replace("    if skipped:", "    log(skipped)\n    if skipped:")

    write_files(
        repo,
        {"shop/fees.py": edited(NET_TOTAL), "shop/orders.py": SHIP + "\n\n" + edited(COPY)},
    )
    assert _problems(_gate(cli, repo)) == []
    more = "".join(f"    audit({i}, currency, len(skipped))\n" for i in range(8))
    grown = NET_TOTAL.replace("    if skipped:", more + "    if skipped:")
    grown_copy = COPY.replace("    if skipped:", more + "    if skipped:")
    write_files(repo, {"shop/fees.py": grown, "shop/orders.py": SHIP + "\n\n" + grown_copy})
    run = _gate(cli, repo)
    (problem,) = _problems(run)
    assert problem["path"] == "shop/orders.py" and problem["level"] == "warning"
    assert "copy of shop/fees.py" in problem["message"]
    assert "was a copy at the base and got the same lines" in problem["message"]


def test_two_copies_both_written_by_the_change_fail(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = _feature(make_repo)
    write_files(repo, {"shop/fees.py": NET_TOTAL + "\n\n" + COPY.replace("invoice", "bill")})
    write_files(repo, {"shop/orders.py": SHIP + "\n\n" + COPY})
    run = _gate(cli, repo)
    problems = _problems(run)
    assert run.code == 1 and problems and all(p["level"] == "error" for p in problems)


def test_the_index_of_untouched_fingerprints_finds_what_fingerprinting_them_all_does(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    """The first run fills the index, later runs read from it only the rows the touched
    files share: the same findings as ``--no-cache``, from an older cache without an index,
    and from a damaged one (rebuilt, with a note)."""
    others = {f"shop/util{n}.py": f"def util{n}(x):\n    return x + {n}\n" for n in range(5)}
    repo = _feature(make_repo, {**others, "shop/ledger.py": SHIP + "\n\n" + COPY})
    grown = COPY.replace("    if skipped:", "    audit(skipped)\n    if skipped:")
    write_files(repo, {"shop/orders.py": SHIP + "\n\n" + COPY, "shop/ledger.py": grown})

    def found(*extra: str) -> tuple[list[dict[str, Any]], list[str]]:
        run = cli("gate", "--base", "main", "--format", "json", *extra, cwd=repo)
        return _problems(run), run.json()["notes"]

    expected, notes = found("--no-cache")
    assert [p["path"] for p in expected] == ["shop/orders.py"] and notes == []
    assert "copy of shop/fees.py" in expected[0]["message"]  # an untouched file
    assert found() == (expected, [])  # fills the index
    assert found() == (expected, [])  # reads it
    cache = repo / ".codehealth" / "fingerprints.sqlite"
    connection = sqlite3.connect(cache)
    with connection:
        connection.execute("UPDATE meta SET salt = 'an older codehealth'")
        connection.execute("DROP TABLE postings")
        connection.execute("DROP TABLE owners")
    connection.close()
    assert found() == (expected, [])  # the older cache gains an index
    connection = sqlite3.connect(cache)
    with connection:
        connection.execute("UPDATE postings SET data = x'00'")
    connection.close()
    problems, notes = found()
    assert problems == expected and any("will be rebuilt" in note for note in notes)
    assert found() == (expected, [])
    cache.write_bytes(b"not a database" * 100)
    problems, notes = found()
    assert problems == expected and any("rebuilt it" in note for note in notes)


def test_a_copy_of_excluded_code_is_not_new_duplication(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    """An untouched file the configuration excludes is no copy's original, whether its
    fingerprints are in the index or not."""
    repo = _feature(make_repo)
    write_files(repo, {"shop/orders.py": SHIP + "\n\n" + COPY})
    assert len(_problems(_gate(cli, repo))) == 1  # indexes fees.py
    for setting in (
        '[tool.codehealth.duplication]\nexclude = ["shop/fees*"]',
        '[tool.codehealth]\nexclude = ["shop/fees.py"]',
    ):
        config = PYPROJECT.replace("[project]", setting + "\n\n[project]", 1)
        write_files(repo, {"pyproject.toml": config})
        assert _problems(_gate(cli, repo)) == [], setting
        assert (
            _problems(cli("gate", "--base", "main", "--format", "json", "--no-cache", cwd=repo))
            == []
        )


def test_a_rerun_does_not_fingerprint_the_touched_files_again(
    make_repo: Callable[..., Path], cli: Callable[..., Run], monkeypatch: Any
) -> None:
    """Their fingerprints are kept for the next run, only the last run's (they are large)."""
    import codehealth.gate.touched_prints as touched

    repo = _feature(make_repo)
    write_files(repo, {"shop/orders.py": SHIP + "\n\n" + COPY})
    printed: list[bytes] = []
    fingerprints = touched.file_fingerprints

    def counting(content: bytes) -> Any:
        printed.append(content)
        return fingerprints(content)

    monkeypatch.setattr(touched, "file_fingerprints", counting)
    first = _problems(_gate(cli, repo))
    assert first and len(printed) == 2  # orders.py at the base and at the head
    printed.clear()
    assert _problems(_gate(cli, repo)) == first
    assert printed == []
    write_files(repo, {"shop/orders.py": SHIP + "\n\n" + COPY + "\n\nX = 1\n"})
    (again,) = _problems(_gate(cli, repo))
    assert (again["path"], again["line"]) == (first[0]["path"], first[0]["line"])
    assert len(printed) == 1  # the new head content only
    database = sqlite3.connect(repo / ".codehealth" / "fingerprints.sqlite")
    kept = database.execute("SELECT count(*) FROM files WHERE key LIKE 'touched:%'").fetchone()
    database.close()
    assert kept == (2,)  # this run's base and head, not the edit before
