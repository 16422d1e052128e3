"""``[tool.codehealth.tests]`` validated, and pytest's ``testpaths``/``python_files`` read from
the files pytest reads them from (pyproject.toml, pytest.ini, tox.ini, setup.cfg)."""

from __future__ import annotations

import configparser
import os
from dataclasses import replace
from typing import Any

from codehealth.core.settings import ConfigError
from codehealth.core.tests_settings import TestSettings

_KEYS = {
    "paths": 'a list of folders or globs, e.g. ["t", "integration"]',
    "files": 'a list of file-name globs, e.g. ["test_*.py", "check_*.py"]',
    "gate": "true or false",
    "in_debt": "true or false",
}
# pytest.ini, tox.ini and setup.cfg, each with the section pytest reads there.
_INI_FILES = (("pytest.ini", "pytest"), ("tox.ini", "pytest"), ("setup.cfg", "tool:pytest"))


def parse_tests(table: Any, path: str) -> TestSettings:
    where = f"{path}: [tool.codehealth.tests]"
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.codehealth.tests must be a table")
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in _KEYS:
            raise ConfigError(f"{where}: unknown key {key!r}; known keys: {', '.join(_KEYS)}")
        flag = name in ("gate", "in_debt")
        ok = isinstance(value, bool) if flag else _strings(value)
        if not ok:
            raise ConfigError(f"{where} {key} = {value!r}: expected {_KEYS[name]}")
        values[name] = value if flag else tuple(value)
    return TestSettings(**values)


def with_pytest(tests: TestSettings, root: str, pyproject: dict[str, Any]) -> TestSettings:
    """``tests`` plus pytest's ``testpaths`` (as paths) and ``python_files`` (added to the
    file globs), from the first file that configures pytest, as pytest picks it."""
    found = _pytest_options(root, pyproject)
    if found is None:
        return tests
    testpaths, python_files = found
    return replace(
        tests,
        paths=tests.paths + tuple(p for p in testpaths if p not in tests.paths),
        files=tests.files + tuple(f for f in python_files if f not in tests.files),
    )


def _pytest_options(root: str, pyproject: dict[str, Any]) -> tuple[list[str], list[str]] | None:
    for name, section in _INI_FILES:
        options = _ini_section(os.path.join(root, name), section)
        if options is not None:
            return options.get("testpaths", "").split(), options.get("python_files", "").split()
    tool = pyproject.get("tool", {})
    table = tool.get("pytest", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        return None
    ini = table.get("ini_options", table)  # pytest 9 also reads [tool.pytest] itself
    if not isinstance(ini, dict):
        return None
    return _listed(ini.get("testpaths")), _listed(ini.get("python_files"))


def _ini_section(path: str, section: str) -> dict[str, str] | None:
    """The section's options, or None when the file or the section is absent or unreadable
    (pytest would then look further; a broken tox.ini is not ours to report)."""
    if not os.path.isfile(path):
        return None
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None
    return dict(parser.items(section)) if parser.has_section(section) else None


def _listed(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split()
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v for v in value)
