"""The settings module is found where Django projects name it, statically."""

from __future__ import annotations

import pytest

from codehealth.django import find_settings_module

SETDEFAULT = 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "{}")\n'
PACKAGE = {"config/__init__.py": "", "config/settings.py": "", "config/test_settings.py": ""}

CASES = {
    "manage.py at the root": (
        {"manage.py": SETDEFAULT.format("config.settings")},
        "config.settings",
    ),
    "wsgi.py inside the project package": (
        {"config/wsgi.py": SETDEFAULT.format("config.settings")},
        "config.settings",
    ),
    "asgi.py, os.environ[...] = ...": (
        {"config/asgi.py": 'import os\nos.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"\n'},
        "config.settings",
    ),
    "sandbox/manage.py naming its sibling settings.py": (
        {
            "sandbox/__init__.py": "",
            "sandbox/settings.py": "",
            "sandbox/manage.py": SETDEFAULT.format("settings"),
        },
        "sandbox.settings",
    ),
    "pytest.ini": (
        {"pytest.ini": "[pytest]\nDJANGO_SETTINGS_MODULE = config.test_settings\n"},
        "config.test_settings",
    ),
    "pyproject.toml [tool.pytest.ini_options]": (
        {
            "pyproject.toml": "[tool.pytest.ini_options]\n"
            'DJANGO_SETTINGS_MODULE = "config.settings"\n'
        },
        "config.settings",
    ),
    "setup.cfg [tool:pytest]": (
        {"setup.cfg": "[tool:pytest]\ndjango_settings_module = config.settings\n"},
        "config.settings",
    ),
    "tox.ini [pytest] addopts --ds": (
        {"tox.ini": "[pytest]\naddopts = -ra --ds=config.test_settings\n"},
        "config.test_settings",
    ),
    "a named module of the project wins over one that is not": (
        {
            "manage.py": SETDEFAULT.format("elsewhere.settings"),
            "pytest.ini": "[pytest]\nDJANGO_SETTINGS_MODULE = config.settings\n",
        },
        "config.settings",
    ),
    "named but not a project module: still the answer": (
        {"manage.py": SETDEFAULT.format("elsewhere.settings")},
        "elsewhere.settings",
    ),
    "not a Django project": ({"manage.py": "print('hello')\n", "setup.cfg": "[flake8]\n"}, None),
    "a manage.py that is not Python": ({"manage.py": "os.environ.setdefault(\n"}, None),
}


@pytest.mark.parametrize("case", list(CASES))
def test_settings_module_found_statically(case: str, project_files) -> None:
    files, expected = CASES[case]
    modules, read = project_files({**PACKAGE, **files})
    assert find_settings_module(modules, read) == expected


def test_configured_settings_module_wins(project_files) -> None:
    modules, read = project_files({**PACKAGE, "manage.py": SETDEFAULT.format("config.settings")})
    assert find_settings_module(modules, read, "config.test_settings") == "config.test_settings"
