"""``codehealth init`` warns, with the fix, where codehealth would quietly check less than it
seems to: a git-ignored baseline and a ``requires-python`` newer than this interpreter."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from clitools import Run, assert_no_traceback, git, write_files

PYPROJECT = '[project]\nname = "app"\nversion = "1"\n'


def _warnings(run: Run) -> list[str]:
    return [line for line in run.err.splitlines() if line.startswith("codehealth: warning: ")]


def _init(cli: Callable[..., Run], repo: Path, *args: str) -> Run:
    run = cli("init", *args, cwd=repo)
    assert run.code == 0, run.err
    assert_no_traceback(run.err)
    return run


# --- the baseline is git-ignored


def test_a_git_ignored_baseline_is_named_with_the_fix(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("ignored", {"pyproject.toml": PYPROJECT, ".gitignore": "*.pyc\n.*\n"})
    run = _init(cli, repo)
    assert _warnings(run) == [
        "codehealth: warning: git ignores the baseline .codehealth-baseline (.gitignore:2:.*), "
        "so it is never committed and the gate in CI runs without it: add "
        "`!.codehealth-baseline` to .gitignore (after that line), then "
        "`git add .codehealth-baseline`"
    ]
    # The fix works: after it, the warning is gone and git sees the file.
    with (repo / ".gitignore").open("a", encoding="utf-8") as handle:
        handle.write("!.codehealth-baseline\n")
    assert _warnings(_init(cli, repo, "--force")) == []
    assert ".codehealth-baseline" in git(repo, "status", "--porcelain")


def test_no_ignore_warning_without_a_matching_rule_or_outside_git(
    make_repo: Callable[..., Path], cli: Callable[..., Run], tmp_path: Path
) -> None:
    repo = make_repo("plain", {"pyproject.toml": PYPROJECT, ".gitignore": "*.pyc\n"})
    assert _warnings(_init(cli, repo)) == []
    folder = tmp_path / "no-git"
    write_files(folder, {"pyproject.toml": PYPROJECT, "app.py": "x = 1\n"})
    assert _warnings(_init(cli, folder)) == []
    assert (folder / ".codehealth-baseline").is_file()


# --- requires-python is newer than this interpreter

# Not Python of any version: this interpreter cannot parse it, like syntax from the future.
FUTURE = "def main(x):\n    match x:\n        case 1 pass\n"


def test_a_newer_requires_python_names_the_files_that_did_not_parse(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    pyproject = PYPROJECT + 'requires-python = ">=3.99"\n'
    files = {"pyproject.toml": pyproject, "ok.py": "x = 1\n", "future.py": FUTURE}
    run = _init(cli, make_repo("future", files))
    here = ".".join(map(str, sys.version_info[:3]))
    assert _warnings(run) == [
        f"codehealth: warning: requires-python is >=3.99 but codehealth runs on Python {here}: "
        "1 file(s) did not parse and are not analysed: future.py; run codehealth under "
        "Python >= 3.99 (install it with `python3.99 -m pip install codehealth`)"
    ]


def test_a_requires_python_this_interpreter_meets_gives_no_warning(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    pyproject = PYPROJECT + 'requires-python = ">=3.8, <4"\n'
    files = {"pyproject.toml": pyproject, "future.py": FUTURE}
    run = _init(cli, make_repo("met", files))
    assert _warnings(run) == []
    assert "not analysed: future.py: syntax error" in run.out  # still named, as before
