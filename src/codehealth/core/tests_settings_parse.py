"""``[tool.codehealth.tests]`` validated, and pytest's ``testpaths``/``python_files`` added
from what the files pytest reads say (read by ``adapters.files``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from codehealth.core.settings_table import INVALID, section_values, strings
from codehealth.core.tests_settings import TestSettings

_KEYS = {
    "paths": 'a list of folders or globs, e.g. ["t", "integration"]',
    "files": 'a list of file-name globs, e.g. ["test_*.py", "check_*.py"]',
    "gate": "true or false",
    "in_debt": "true or false",
}


def parse_tests(table: Any, path: str) -> TestSettings:
    return TestSettings(**section_values(table, path, "tests", _KEYS, _convert))


def _convert(name: str, value: Any) -> Any:
    if name in ("gate", "in_debt"):
        return value if isinstance(value, bool) else INVALID
    return tuple(value) if strings(value) else INVALID


PytestOptions = tuple[list[str], list[str]]  # testpaths, python_files


def with_pytest(tests: TestSettings, found: PytestOptions | None) -> TestSettings:
    """``tests`` plus pytest's ``testpaths`` (as paths) and ``python_files`` (added to the
    file globs), as read from the first file that configures pytest."""
    if found is None:
        return tests
    testpaths, python_files = found
    return replace(
        tests,
        paths=tests.paths + tuple(p for p in testpaths if p not in tests.paths),
        files=tests.files + tuple(f for f in python_files if f not in tests.files),
    )


def ini_pytest_options(options: dict[str, str]) -> PytestOptions:
    """pytest's options in an ini file's section (pytest.ini, tox.ini, setup.cfg)."""
    return options.get("testpaths", "").split(), options.get("python_files", "").split()


def pyproject_pytest_options(pyproject: dict[str, Any]) -> PytestOptions | None:
    """pytest's options in pyproject.toml: [tool.pytest.ini_options], or [tool.pytest]."""
    tool = pyproject.get("tool", {})
    table = tool.get("pytest", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        return None
    ini = table.get("ini_options", table)  # pytest 9 also reads [tool.pytest] itself
    if not isinstance(ini, dict):
        return None
    return _listed(ini.get("testpaths")), _listed(ini.get("python_files"))


def _listed(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split()
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
