"""``scan --check`` and ``boundaries`` honour the baseline: only new findings fail them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from clitools import Run, write_files

BRANCHY = (
    "def {name}(a, b, c, d):\n"
    + "".join(f"    if a > {i}:\n        b += {i}\n" for i in range(12))
    + "    return b\n"
)

FILES = {
    "pyproject.toml": '[project]\nname = "legacy"\nversion = "0"\n',
    "legacy/__init__.py": "",
    "legacy/core/__init__.py": "from legacy.core.api import run\n\n__all__ = ['run']\n",
    "legacy/core/api.py": "def run():\n    return 1\n",
    "legacy/core/_impl.py": "SECRET = 1\n",
    "legacy/web/__init__.py": "",
    "legacy/web/views.py": "from legacy.core._impl import SECRET\n\n" + BRANCHY.format(name="old"),
}


def test_scan_check_fails_only_on_threshold_violations_not_in_the_baseline(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("legacy", FILES)
    assert cli("scan", "--check", cwd=repo).code == 1  # no baseline yet: the old way
    assert cli("baseline", cwd=repo).code == 0
    accepted = cli("scan", "--check", cwd=repo)
    assert accepted.code == 0, accepted.err
    assert "accepted" in accepted.err and "0 new" in accepted.err
    assert cli("scan", "--check", "--no-baseline", cwd=repo).code == 1

    write_files(repo, {"legacy/web/more.py": BRANCHY.format(name="fresh")})
    new = cli("scan", "--check", cwd=repo)
    assert new.code == 1
    assert "new" in new.err and "0 new" not in new.err


def test_a_baselined_function_moved_down_the_file_stays_accepted(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("legacy", FILES)
    assert cli("baseline", cwd=repo).code == 0
    moved = "import os\n\n\n" + FILES["legacy/web/views.py"]  # new line numbers, same code
    write_files(repo, {"legacy/web/views.py": moved})
    assert cli("scan", "--check", cwd=repo).code == 0


def test_boundaries_fail_only_on_violations_not_in_the_baseline(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("legacy", FILES)
    before = cli("boundaries", cwd=repo)
    assert before.code == 1 and "legacy.core._impl" in before.out
    assert cli("baseline", cwd=repo).code == 0
    accepted = cli("boundaries", "--format", "json", cwd=repo)
    assert accepted.code == 0, accepted.err
    assert accepted.json()["violations"], "the report still shows the accepted finding"
    assert "1 finding(s) accepted, 0 new" in accepted.err
    assert cli("boundaries", "--no-baseline", cwd=repo).code == 1

    write_files(repo, {"legacy/web/other.py": "from legacy.core._impl import SECRET\n"})
    new = cli("boundaries", cwd=repo)
    assert new.code == 1, new.out
    assert "1 new" in new.err


def test_scan_check_judges_tests_as_tests_unless_told_otherwise(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    """A branchy test, with a baseline that (like the debt) leaves tests out, does not fail
    the check; with ``[tool.codehealth.tests] gate = true`` it does, as in the gate."""
    files = {**FILES, "tests/test_views.py": BRANCHY.format(name="test_old")}
    repo = make_repo("legacy", files)
    assert cli("baseline", cwd=repo).code == 0
    judged = cli("scan", "--check", cwd=repo)
    assert judged.code == 0, judged.err
    assert "1 violation(s) in tests do not fail the check" in judged.err

    strict = files["pyproject.toml"] + "\n[tool.codehealth.tests]\ngate = true\n"
    write_files(repo, {"pyproject.toml": strict})
    counted = cli("scan", "--check", cwd=repo)
    assert counted.code == 1
    assert "1 new" in counted.err
