"""``codehealth init`` warns, with the fix, where codehealth would quietly check less than it
seems to: a git-ignored baseline, a ``requires-python`` newer than this interpreter, and a
project whose cross-module imports mostly reach into modules that declare no API."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import tomlkit
from clitools import Run, assert_no_traceback, commit_all, git, write_files

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


# --- most cross-module imports reach into modules that declare no API

# Package app: module app.b reaches into app.a's submodules in four places; app.a's
# __init__.py declares nothing. One import goes the other way, into app.b; app/main.py, in
# no module, imports app.a.other (not an import between modules, but checked all the same).
OPEN = {
    "pyproject.toml": PYPROJECT,
    "src/app/__init__.py": "",
    "src/app/a/__init__.py": "",
    "src/app/a/sub/__init__.py": "",
    "src/app/a/sub/x.py": "def f():\n    return 1\n",
    "src/app/a/other.py": "def g():\n    return 2\n",
    "src/app/a/third.py": "def h():\n    return 3\n",
    "src/app/main.py": "from app.a.other import g\n",
    "src/app/a/uses_b.py": "from app.b import VERSION\n",
    "src/app/b/__init__.py": 'VERSION = "1"\n\n__all__ = ["VERSION"]\n',
    **{f"src/app/b/m{i}.py": "from app.a.sub.x import f\n" for i in range(4)},
}


def test_imports_into_modules_without_an_api_are_named_and_the_setting_written(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("open", OPEN)
    run = _init(cli, repo)
    assert _warnings(run) == [
        "codehealth: warning: 4 of 5 cross-module imports reach into modules that declare no "
        "API (app.a (4)); public-API checks apply only to modules that declare one: export "
        "what other modules use from their __init__.py, or uncomment the "
        "[tool.codehealth.modules] lines written into pyproject.toml to hold them to the "
        "submodules imported today"
    ]
    text = (repo / "pyproject.toml").read_text(encoding="utf-8")
    assert text.endswith(
        "\n# uncomment:\n# [tool.codehealth.modules]\n"
        '# "app.a" = { public = ["app.a.other", "app.a.sub"] }\n'
    ), text
    assert "modules" not in tomlkit.parse(text)["tool"]["codehealth"]  # only a comment
    assert cli("boundaries", cwd=repo).code == 0

    # A second run writes the same: the old suggestion is replaced, not repeated.
    _init(cli, repo, "--force")
    assert (repo / "pyproject.toml").read_text(encoding="utf-8") == text

    # Uncommented, the setting fits: today's imports pass, a new reach-in fails.
    text = text.replace("# [tool.codehealth.modules]", "[tool.codehealth.modules]")
    (repo / "pyproject.toml").write_text(text.replace('# "app.a"', '"app.a"'), "utf-8")
    assert cli("boundaries", cwd=repo).code == 0
    write_files(repo, {"src/app/b/late.py": "from app.a.third import h\n"})
    commit_all(repo, "reach into app.a.third")
    late = cli("boundaries", cwd=repo)
    assert late.code == 1
    assert "CH301" in late.out and "`app.a.third` is not exported by module `app.a`" in late.out


def test_modules_that_declare_their_api_give_no_warning(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    declared = {
        **OPEN,
        "src/app/a/__init__.py": 'from app.a.sub.x import f\n\n__all__ = ["f"]\n',
        **{f"src/app/b/m{i}.py": "from app.a import f\n" for i in range(4)},
    }
    repo = make_repo("declared", declared)
    run = _init(cli, repo)
    assert _warnings(run) == []
    assert "tool.codehealth.modules" not in (repo / "pyproject.toml").read_text("utf-8")


def test_boundaries_that_cannot_be_computed_do_not_break_init(
    make_repo: Callable[..., Path], cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The API check is skipped; the rest of init (and the baseline, which notes the
    boundaries as incomplete) goes on."""
    import codehealth.boundaries as boundaries

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("more than 50 files with syntax errors")

    monkeypatch.setattr(boundaries, "run_boundaries", fail)
    repo = make_repo("unbuildable", OPEN)
    run = _init(cli, repo)
    assert _warnings(run) == []
    assert (repo / ".codehealth-baseline").is_file()
