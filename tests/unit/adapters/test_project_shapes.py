"""Issue 16: the settings a real project's layout implies, read from its files (saleor's
``testpaths = ["saleor"]``, netbox's ``netbox/manage.py``)."""

from __future__ import annotations

from pathlib import Path

from codehealth.adapters.files import load_settings
from codehealth.core import is_test_path

PYTEST = '[tool.pytest.ini_options]\ntestpaths = ["{0}"]\n'


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_a_testpath_that_holds_the_code_and_its_tests_folders_is_not_all_tests(
    tmp_path: Path,
) -> None:
    """saleor: pytest looks in saleor/, whose apps keep their tests in tests/ folders."""
    _write(
        tmp_path,
        {
            "pyproject.toml": PYTEST.format("saleor"),
            "saleor/__init__.py": "",
            "saleor/order/models.py": "",
            "saleor/order/tests/test_models.py": "",
        },
    )
    tests = load_settings(str(tmp_path)).tests
    assert "saleor" not in tests.paths
    assert not is_test_path("saleor/order/models.py", tests)
    assert is_test_path("saleor/order/tests/test_models.py", tests)


def test_a_testpath_of_tests_alone_stays_a_test_folder(tmp_path: Path) -> None:
    """A custom folder of tests (no tests/ folders inside): every file in it is test code."""
    _write(
        tmp_path,
        {"pyproject.toml": PYTEST.format("checks"), "checks/helpers.py": "", "checks/a/b.py": ""},
    )
    tests = load_settings(str(tmp_path)).tests
    assert "checks" in tests.paths
    assert is_test_path("checks/helpers.py", tests)


def test_manage_py_one_folder_down_makes_that_folder_the_source_root(tmp_path: Path) -> None:
    """netbox: netbox/manage.py, apps import as `dcim.models` from netbox/."""
    _write(tmp_path, {"netbox/manage.py": "", "netbox/dcim/__init__.py": "", "docs/x.md": ""})
    assert load_settings(str(tmp_path)).roots == ("netbox", ".")


def test_manage_py_beside_a_package_of_the_root_changes_nothing(tmp_path: Path) -> None:
    """A library with an example project (example/manage.py): its package is at the root."""
    _write(tmp_path, {"example/manage.py": "", "mylib/__init__.py": ""})
    assert load_settings(str(tmp_path)).roots == (".",)
    _write(tmp_path / "two", {"a/manage.py": "", "b/manage.py": ""})
    assert load_settings(str(tmp_path / "two")).roots == (".",)
