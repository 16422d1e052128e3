"""The baseline across versions and branches: a format-1 file (three columns) is read and
migrated, a newer format is refused with a clear message, and two branches that each fix a
different legacy finding merge their baselines without a conflict."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from clitools import Run, commit_all, git, write_files

FILES = {
    "pyproject.toml": '[project]\nname = "legacy"\nversion = "0"\n',
    "app/__init__.py": "",
    "app/a.py": "def f(x):\n    # TODO: one\n    return x\n",
    "app/b.py": "def g(y):\n    # FIXME: two\n    return y\n",
    "app/c.py": "def h(z):\n    # HACK: three\n    return z\n",
}
BASELINE = ".codehealth-baseline"


def _entries(repo: Path) -> list[str]:
    text = (repo / BASELINE).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_a_format_1_baseline_is_read_and_migrated_by_update(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("legacy", FILES)
    assert cli("baseline", cwd=repo).code == 0
    current = [line.split("\t") for line in _entries(repo)]
    old = ["# codehealth-baseline format=1"]
    old += ["\t".join(columns[:3]) for columns in current]  # fingerprint, rule, path
    (repo / BASELINE).write_text("\n".join(old) + "\n", encoding="utf-8")
    gate = cli("gate", "--format", "json", cwd=repo)
    assert gate.code == 0, gate.out + gate.err
    update = cli("baseline", "--update", cwd=repo)
    assert update.code == 0, update.err
    text = (repo / BASELINE).read_text(encoding="utf-8")
    assert text.startswith("# codehealth-baseline format=2")
    assert sorted(line.split("\t")[:3] for line in _entries(repo)) == sorted(
        columns[:3] for columns in current
    )
    assert all(len(line.split("\t")) == 5 for line in _entries(repo))


def test_a_baseline_from_a_newer_codehealth_is_exit_2_with_the_fix(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("legacy", FILES)
    (repo / BASELINE).write_text("# codehealth-baseline format=99\n", encoding="utf-8")
    gate = cli("gate", cwd=repo)
    assert gate.code == 2
    assert "line 1" in gate.err and "upgrade codehealth" in gate.err


def test_two_branches_fixing_different_findings_merge_without_conflict(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("legacy", FILES)
    git(repo, "branch", "-M", "main")
    assert cli("baseline", cwd=repo).code == 0
    commit_all(repo, "baseline")
    assert len(_entries(repo)) == 3
    git(repo, "checkout", "--quiet", "-b", "fix-a")
    write_files(repo, {"app/a.py": "def f(x):\n    return x\n"})
    assert cli("baseline", "--update", cwd=repo).code == 0
    commit_all(repo, "fix a")
    git(repo, "checkout", "--quiet", "main")
    git(repo, "checkout", "--quiet", "-b", "fix-c")
    write_files(repo, {"app/c.py": "def h(z):\n    return z\n"})
    assert cli("baseline", "--update", cwd=repo).code == 0
    commit_all(repo, "fix c")
    git(repo, "merge", "--quiet", "--no-edit", "fix-a")  # raises on a conflict
    entries = _entries(repo)
    assert [line.split("\t")[2] for line in entries] == ["app/b.py"]
    assert cli("baseline", "--check", cwd=repo).code == 0
    assert cli("gate", cwd=repo).code == 0
