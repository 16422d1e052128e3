"""``codehealth init`` end to end: a [tool.codehealth] section that today's code passes (its
findings in the baseline, the thresholds at the defaults), written without disturbing the
rest of pyproject.toml."""

from __future__ import annotations

import sys

import pytest
from clitools import assert_no_traceback, run_cli

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the tomli backport
    import tomli as tomllib

# A hand-formatted pyproject.toml: comments, odd spacing, inline tables, a [tool.*] table
# before and a table after where [tool.codehealth] goes.
PYPROJECT = """\
# top comment, kept
[project]
name   =   "shop"     # odd spacing, kept
version = "1.0"
authors = [ { name = "A", email = "a@example.invalid" } ,]

[tool.ruff]
line-length = 99   # a comment on a value

[tool.pytest.ini_options]
addopts = '-q'

[[tool.mypy.overrides]]
module = ["x.*"]
"""

# Functions worse than every default threshold: the baseline holds them (or, without a
# baseline, init must raise the thresholds).
BAD = (
    "def tangled(a, b, c, d, e, f, g, h):\n"
    + "".join(f"    {'    ' * depth}if a > {depth}:\n" for depth in range(8))
    + "        "
    + "    " * 7
    + "return 1\n    return 0\n"
)


def _shop(make_repo, pyproject: str = PYPROJECT):
    return make_repo(
        "init-shop",
        files={
            "pyproject.toml": pyproject,
            "src/shop/__init__.py": "",
            "src/shop/tangled.py": BAD,
            "src/shop/billing/__init__.py": "",
            "src/shop/billing/fees.py": "def fee(x):\n    return x * 2\n",
        },
    )


def _section(repo):
    text = (repo / "pyproject.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)["tool"]["codehealth"]


def test_init_keeps_the_rest_of_pyproject_byte_for_byte(make_repo):
    repo = _shop(make_repo)
    run = run_cli("init", cwd=repo)
    assert run.code == 0, run.err
    after = (repo / "pyproject.toml").read_bytes().decode("utf-8")
    # The old file, byte for byte, then a blank line and the new section.
    assert after.startswith(PYPROJECT + "\n[tool.codehealth]\n"), after
    assert after.count("[tool.codehealth]") == 1
    section = _section(repo)
    assert section["roots"] == ["src", "."]
    assert "root packages and modules: shop" in after
    assert section["debt"]["minutes_per_line"] == 30.0
    assert "pre-commit" in run.out and "codehealth-gate" in run.out
    assert "codehealth scan --check" in run.out


def test_a_table_after_the_tool_tables_keeps_its_comment(make_repo):
    pyproject = '[tool.ruff]\nline-length = 99 # c\n\n# about project\n[project]\nname = "x"'
    repo = _shop(make_repo, pyproject)
    assert run_cli("init", cwd=repo).code == 0
    after = (repo / "pyproject.toml").read_text(encoding="utf-8")
    assert after.startswith(pyproject + "\n\n[tool.codehealth]\n"), after
    assert _section(repo)["roots"] == ["src", "."]


@pytest.mark.slow
def test_with_a_baseline_the_thresholds_stay_at_the_defaults_and_scan_check_passes(make_repo):
    repo = _shop(make_repo)
    before = run_cli("scan", "--check", cwd=repo)
    assert before.code == 1, before.out  # the tangled function exceeds the defaults
    run = run_cli("init", cwd=repo)
    assert run.code == 0, run.err
    assert _section(repo)["thresholds"] == {
        "cyclomatic": 10,
        "cognitive": 15,
        "nesting": 4,
        "parameters": 6,
        "function_length": 80,
        "file_lines": 1000,
        "maintainability": 10.0,
    }
    assert "thresholds (the defaults, or stricter: only findings not in the baseline fail)" in (
        run.out
    )
    text = (repo / "pyproject.toml").read_text(encoding="utf-8")
    assert "# Written by `codehealth init`: default limits or stricter; only findings not" in text
    assert "today's worst" not in text
    after = run_cli("scan", "--check", cwd=repo)
    assert after.code == 0, after.out  # today's findings are in the baseline


# A function of cyclomatic 25 on a legacy project, and a new one of 15 written after init.
LEGACY = "def legacy(x):\n" + "".join(f"    if x == {i}:\n        return {i}\n" for i in range(24))
NEW = "def fresh(x):\n" + "".join(f"    if x == {i}:\n        return {i}\n" for i in range(14))


def _legacy_after_init(make_repo):
    repo = make_repo("legacy", files={"legacy.py": LEGACY, "app.py": "x = 1\n"})
    run = run_cli("init", cwd=repo)
    assert run.code == 0, run.err
    return repo, run


@pytest.mark.slow
def test_a_legacy_function_goes_into_the_baseline_not_the_thresholds(make_repo):
    repo, run = _legacy_after_init(make_repo)
    assert _section(repo)["thresholds"]["cyclomatic"] == 10
    assert "    cyclomatic = 10" in run.out
    baseline = (repo / ".codehealth-baseline").read_text(encoding="utf-8")
    assert "CH101\tlegacy.py\tlegacy\tlegacy: cyclomatic complexity 25 > 10" in baseline
    assert run_cli("scan", "--check", cwd=repo).code == 0
    assert run_cli("gate", cwd=repo).code == 0


@pytest.mark.slow
def test_a_new_function_worse_than_the_defaults_fails_after_init(make_repo):
    """The issue: thresholds raised to today's worst (cyclomatic 25) let a new function of
    cyclomatic 15 pass. With the baseline holding today's findings, it fails."""
    repo, _ = _legacy_after_init(make_repo)
    (repo / "app.py").write_text("x = 1\n\n\n" + NEW, encoding="utf-8")
    scan = run_cli("scan", "--check", cwd=repo)
    assert scan.code == 1, scan.out
    assert "accepted, 1 new (only new findings fail" in scan.err
    assert "cyclomatic > 10: 2" in scan.out  # the legacy function (accepted) and the new one
    gate = run_cli("gate", cwd=repo)
    assert gate.code == 1, gate.out
    assert "fresh: cyclomatic complexity 15 > 10" in gate.out
    assert "legacy:" not in gate.out  # the old function stays accepted by the baseline


def test_force_keeps_stricter_thresholds_and_resets_laxer_ones(make_repo):
    pyproject = PYPROJECT + "\n[tool.codehealth.thresholds]\ncyclomatic = 6\ncognitive = 203\n"
    repo = _shop(make_repo, pyproject)
    assert run_cli("init", "--force", cwd=repo).code == 0
    limits = _section(repo)["thresholds"]
    assert (limits["cyclomatic"], limits["cognitive"], limits["nesting"]) == (6, 15, 4)


def test_a_kept_baseline_that_misses_todays_findings_is_named(make_repo):
    repo = _shop(make_repo)
    (repo / ".codehealth-baseline").write_text("# codehealth-baseline format=2\n", "utf-8")
    run = run_cli("init", cwd=repo)
    assert run.code == 0, run.err
    assert "baseline: .codehealth-baseline already exists, kept as it is; " in run.out
    assert "of today's findings are not in it and fail" in run.out
    assert "`codehealth baseline --allow-new`" in run.out


@pytest.mark.slow
def test_running_twice_changes_nothing(make_repo):
    repo = _shop(make_repo)
    assert run_cli("init", cwd=repo).code == 0
    first = (repo / "pyproject.toml").read_bytes()
    second = run_cli("init", cwd=repo)
    assert second.code == 2
    assert (repo / "pyproject.toml").read_bytes() == first
    forced = run_cli("init", "--force", cwd=repo)
    assert forced.code == 0, forced.err
    assert (repo / "pyproject.toml").read_bytes() == first


@pytest.mark.slow
def test_an_existing_section_is_refused_without_force(make_repo):
    pyproject = PYPROJECT + '\n[tool.codehealth]\nexclude = ["legacy/*"]  # mine\n'
    repo = _shop(make_repo, pyproject)
    run = run_cli("init", cwd=repo)
    assert run.code == 2
    assert "--force" in run.err
    assert_no_traceback(run.err)
    assert (repo / "pyproject.toml").read_text(encoding="utf-8") == pyproject
    forced = run_cli("init", "--force", cwd=repo)
    assert forced.code == 0, forced.err
    section = _section(repo)
    assert section["exclude"] == ["legacy/*"]  # the user's keys stay
    assert section["thresholds"]["nesting"] == 4  # the default: the baseline holds today's
    assert "# mine" in (repo / "pyproject.toml").read_text(encoding="utf-8")


def test_invalid_toml_exits_2_naming_the_line(make_repo):
    bad = '[project]\nname = "shop"\nversion = 1.0.0\n'
    repo = _shop(make_repo, bad)
    run = run_cli("init", cwd=repo)
    assert run.code == 2
    assert "line 3" in run.err
    assert_no_traceback(run.err)
    assert (repo / "pyproject.toml").read_text(encoding="utf-8") == bad


@pytest.mark.slow
def test_a_missing_pyproject_is_created_and_a_flat_layout_detected(make_repo):
    repo = make_repo(
        "init-flat",
        files={"app/__init__.py": "", "app/views.py": "def v():\n    return 1\n", "tool.py": ""},
    )
    assert not (repo / "pyproject.toml").exists()
    run = run_cli("init", cwd=repo)
    assert run.code == 0, run.err
    section = _section(repo)
    assert section["roots"] == ["."]
    assert "root packages and modules: app, tool" in run.out
    assert section["thresholds"]["cyclomatic"] == 10  # defaults: nothing is worse
    assert run_cli("scan", "--check", cwd=repo).code == 0


def test_baseline_is_recorded(make_repo):
    repo = _shop(make_repo)
    run = run_cli("init", cwd=repo)
    assert run.code == 0, run.err
    assert (repo / ".codehealth-baseline").is_file()
    assert "baseline" in run.out


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_init_help_has_an_example(make_repo, flag):
    run = run_cli("init", flag, cwd=make_repo("init-help"))
    assert run.code == 0
    assert "codehealth init --force" in run.out


def test_without_a_baseline_command_the_baseline_is_skipped_with_a_note(
    make_repo, cli, monkeypatch
):
    from codehealth.cli import COMMANDS

    repo = _shop(make_repo)
    monkeypatch.delitem(COMMANDS, "baseline")
    run = cli("init", cwd=repo)
    assert run.code == 0, run.err
    assert "baseline: skipped" in run.out
    assert not (repo / ".codehealth-baseline").exists()
    assert _section(repo)["thresholds"]["nesting"] == 8


def test_windows_line_endings_are_kept(make_repo):
    pyproject = '[project]\r\nname = "shop"  # crlf\r\n'
    repo = _shop(make_repo, pyproject)
    assert run_cli("init", cwd=repo).code == 0
    after = (repo / "pyproject.toml").read_bytes()
    assert after.startswith(pyproject.encode() + b"\r\n[tool.codehealth]\r\n"), after
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert _section(repo)["roots"] == ["src", "."]


def test_files_that_cannot_be_analysed_are_named(make_repo):
    """The thresholds come from the files that parse; the others were silently left out."""
    repo = make_repo(
        "flat",
        files={
            "tool.py": "def tool(a, b):\n    return a or b\n",
            "legacy.py": 'print "python 2"\n',
            "nul.py": b"x = 1\x00\n",
        },
    )
    run = run_cli("init", cwd=repo)
    assert run.code == 0, run.err
    assert_no_traceback(run.err)
    assert "from 1 files" in run.out.splitlines()[0]
    assert "    not analysed: legacy.py: syntax error at line 1" in run.out
    assert "    not analysed: nul.py: the file contains NUL bytes" in run.out
