"""Which files are tests: default names, pytest's settings, [tool.codehealth.tests]."""

from __future__ import annotations

from pathlib import Path

import pytest

from codehealth.adapters.files import load_settings
from codehealth.core import ConfigError, is_test_path
from codehealth.core.tests_settings import TestSettings


@pytest.mark.parametrize(
    "path",
    [
        "tests/test_api.py",
        "pkg/tests/helpers.py",
        "src/pkg/test/settings.py",
        "t/unit/tasks/test_canvas.py",  # celery
        "testing/python/approx.py",  # pytest
        "pkg/test_models.py",
        "pkg/models_test.py",
        "app/tests.py",  # Django
        "conftest.py",
        "pkg/conftest.py",
    ],
)
def test_test_code_is_recognised(path: str) -> None:
    assert is_test_path(path, TestSettings())


@pytest.mark.parametrize(
    "path",
    [
        "src/_pytest/fixtures.py",
        "celery/contrib/testing/worker.py",  # shipped helpers for users' tests
        "pkg/t/module.py",  # t/ only at the top
        "pkg/contest.py",
        "pkg/testimonials.py",
        "t.py",
    ],
)
def test_product_code_is_not_test_code(path: str) -> None:
    assert not is_test_path(path, TestSettings())


def test_pytest_testpaths_and_python_files_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\ntestpaths = ["integration"]\n'
        'python_files = ["check_*.py", "suite/*.py"]\n'
    )
    tests = load_settings(str(tmp_path)).tests
    assert is_test_path("integration/flows.py", tests)
    assert is_test_path("pkg/check_io.py", tests)
    assert is_test_path("deep/suite/a.py", tests)
    assert not is_test_path("pkg/io.py", tests)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pytest.ini", "[pytest]\ntestpaths = integration\n"),
        ("tox.ini", "[tox]\nenvlist = py3\n[pytest]\ntestpaths = integration other\n"),
        ("setup.cfg", "[tool:pytest]\ntestpaths =\n    integration\n"),
    ],
)
def test_pytest_testpaths_from_ini_files(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text)
    tests = load_settings(str(tmp_path)).tests
    assert is_test_path("integration/flows.py", tests)
    assert not is_test_path("pkg/flows.py", tests)


def test_codehealth_tests_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.codehealth.tests]\npaths = ["qa"]\ngate = true\nin-debt = true\n'
    )
    tests = load_settings(str(tmp_path)).tests
    assert is_test_path("qa/flows.py", tests)
    assert tests.gate and tests.in_debt


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("paths = 'qa'", "expected a list of folders"),
        ("gate = 1", "expected true or false"),
        ("strict = true", "unknown key 'strict'"),
    ],
)
def test_bad_tests_table_says_what_is_expected(tmp_path: Path, text: str, words: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.codehealth.tests]\n{text}\n")
    with pytest.raises(ConfigError, match=words):
        load_settings(str(tmp_path))


def test_unreadable_tox_ini_is_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "tox.ini").write_bytes(b"\xff\xfe[pytest\n")
    assert load_settings(str(tmp_path)).tests == TestSettings()
