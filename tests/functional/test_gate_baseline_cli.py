"""``codehealth baseline`` and ``codehealth gate`` without ``--base`` (the ratchet)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from clitools import Run, assert_no_traceback, write_files

FILES = {
    "pyproject.toml": '[project]\nname = "legacy"\nversion = "0"\n',
    "app/__init__.py": "",
    "app/a.py": "def f(x):\n    # TODO: one\n    return x\n",
    "app/b.py": "def g(y):\n    # FIXME: two\n    return y\n",
}
BASELINE = ".codehealth-baseline"


def _lines(repo: Path) -> list[str]:
    return (repo / BASELINE).read_text(encoding="utf-8").splitlines()


def _entries(repo: Path) -> list[str]:
    return [line for line in _lines(repo) if not line.startswith("#")]


def test_baseline_records_sorted_entries_and_the_gate_accepts_them(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("legacy", FILES)
    created = cli("baseline", cwd=repo)
    assert created.code == 0, created.err
    assert _lines(repo)[0] == "# codehealth-baseline format=2"
    entries = _entries(repo)
    assert any("\tapp/a.py\t" in e for e in entries) and any("\tapp/b.py\t" in e for e in entries)
    assert entries == sorted(entries, key=lambda e: (e.split("\t")[2], e.split("\t")[1]))
    gate = cli("gate", "--format", "json", cwd=repo)
    assert gate.code == 0, gate.out
    assert gate.json()["passed"] is True


def test_the_gate_fails_only_on_findings_not_in_the_baseline(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("legacy", FILES)
    assert cli("baseline", cwd=repo).code == 0
    write_files(repo, {"app/c.py": "def h(z):\n    # HACK: three\n    return z\n"})
    gate = cli("gate", "--format", "json", cwd=repo)
    assert gate.code == 1
    failing = [p for p in gate.json()["problems"] if p["fails"]]
    assert {p["path"] for p in failing} == {"app/c.py"}, failing


def test_update_only_removes_and_allow_new_adds_loudly(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("legacy", FILES)
    assert cli("baseline", cwd=repo).code == 0
    before = _entries(repo)
    write_files(
        repo,
        {
            "app/a.py": "def f(x):\n    return x\n",  # fixed
            "app/c.py": "def h(z):\n    # HACK: new\n    return z\n",  # new
        },
    )
    exists = cli("baseline", cwd=repo)
    assert exists.code == 2 and "already exists" in exists.err
    check = cli("baseline", "--check", cwd=repo)
    assert check.code == 1 and "still listed" in check.out
    updated = cli("baseline", "--update", cwd=repo)
    assert updated.code == 0, updated.err
    after = _entries(repo)
    assert not any("\tapp/a.py\t" in e for e in after)
    assert not any("\tapp/c.py\t" in e for e in after)
    assert set(after) < set(before)
    assert "1 new finding(s) not added" in updated.out
    assert cli("baseline", "--check", cwd=repo).code == 0
    allowed = cli("baseline", "--allow-new", cwd=repo)
    assert allowed.code == 0
    assert "WARNING" in allowed.err and "NEW finding" in allowed.err
    assert any("\tapp/c.py\t" in e for e in _entries(repo))
    assert cli("gate", cwd=repo).code == 0


def test_a_hand_broken_baseline_is_exit_2_naming_the_line(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("legacy", FILES)
    assert cli("baseline", cwd=repo).code == 0
    lines = _lines(repo)
    lines.append("not-a-fingerprint\tCH201")
    (repo / BASELINE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = cli("gate", cwd=repo)
    assert run.code == 2
    assert f"{BASELINE}:{len(lines)}: invalid baseline" in run.err
    assert_no_traceback(run.err)
    (repo / BASELINE).write_text("hello\n", encoding="utf-8")
    header = cli("baseline", "--update", cwd=repo)
    assert header.code == 2 and f"{BASELINE}:1:" in header.err


def test_gate_without_base_or_baseline_says_what_to_do(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("legacy", FILES)
    run = cli("gate", cwd=repo)
    assert run.code == 2
    assert "codehealth baseline" in run.err and "--base" in run.err


def test_a_format_1_baseline_is_honoured_and_migrated_by_update(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("legacy", FILES)
    assert cli("baseline", cwd=repo).code == 0
    old = ["# codehealth-baseline format=1"]
    old += ["\t".join(e.split("\t")[:3]) for e in _entries(repo)]  # fingerprint, rule, path
    (repo / BASELINE).write_text("\n".join(old) + "\n", encoding="utf-8")
    assert cli("gate", cwd=repo).code == 0
    assert cli("baseline", "--update", cwd=repo).code == 0
    assert _lines(repo)[0] == "# codehealth-baseline format=2"
    assert all(len(e.split("\t")) == 5 for e in _entries(repo)) and _entries(repo)


def test_a_file_that_stopped_parsing_keeps_its_baseline_entries(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    """Its findings are unknown, not fixed: --check and --update took them for fixed (and
    removed them, so they came back as new once the file parsed again)."""
    repo = make_repo("legacy", FILES)
    assert cli("baseline", cwd=repo).code == 0
    before = _entries(repo)
    write_files(repo, {"app/a.py": "def f(x:\n    # TODO: one\n    return x\n"})
    for args in (("--check",), ("--update",), ("--update", "--allow-new")):
        run = cli("baseline", *args, cwd=repo)
        assert run.code == 0, (args, run.out)
        assert "codehealth: warning: not analysed: app/a.py: syntax error at line 1" in run.err
        assert _entries(repo) == before, args
    gate = cli("gate", "--format", "json", "--no-lint", cwd=repo)
    assert gate.code == 0, gate.out
    assert gate.json()["problems"] == []
    assert any(n.startswith("not analysed: app/a.py: syntax error") for n in gate.json()["notes"])
    write_files(repo, {"app/a.py": FILES["app/a.py"]})  # fixed: the entry is still valid
    assert cli("baseline", "--check", cwd=repo).code == 0
    assert cli("gate", "--no-lint", cwd=repo).code == 0


def test_a_file_name_that_is_not_utf8_round_trips_through_the_baseline(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    """Writing its entry was an internal error (UnicodeEncodeError); it is written as the
    name's own bytes and read back the same, so the gate accepts the finding."""
    import os

    from clitools import commit_all

    repo = make_repo("legacy", FILES)
    with open(os.path.join(os.fsencode(repo), b"app", b"caf\xe9.py"), "wb") as handle:
        handle.write(b"def h(x):\n    # TODO: latin\n    return x\n")
    commit_all(repo)
    created = cli("baseline", cwd=repo)
    assert created.code == 0, created.err
    assert b"\tapp/caf\xe9.py\t" in (repo / BASELINE).read_bytes()
    assert cli("baseline", "--check", cwd=repo).code == 0
    gate = cli("gate", "--format", "json", "--no-lint", cwd=repo)
    assert gate.code == 0, gate.out
    assert gate.json()["problems"] == []
