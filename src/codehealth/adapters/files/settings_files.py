"""The project's settings, read from its files: ``pyproject.toml`` (or ``--config``), and
the file pytest takes its options from. Core validates what they say."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from codehealth.core import (
    TEST_FOLDERS,
    ConfigError,
    PytestOptions,
    Settings,
    TOMLDecodeError,
    ini_pytest_options,
    parse_settings,
    parse_toml,
    pyproject_pytest_options,
    with_pytest,
)

# pytest.ini, tox.ini and setup.cfg, each with the section pytest reads there, in its order.
_INI_FILES = (("pytest.ini", "pytest"), ("tox.ini", "pytest"), ("setup.cfg", "tool:pytest"))


def load_settings(root: str, config_file: str | None = None) -> Settings:
    """Settings for the project at ``root``: from ``config_file`` or ``root/pyproject.toml``."""
    path = config_file or os.path.join(root, "pyproject.toml")
    if not os.path.isfile(path):
        if config_file:
            raise ConfigError(f"{config_file}: no such configuration file")
        settings = Settings(root=root, roots=default_roots(root))
        return replace(settings, tests=with_pytest(settings.tests, _pytest_options(root, {})))
    document = read_toml(path)
    section = document.get("tool", {}).get("codehealth", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.codehealth] must be a table")
    settings = parse_settings(section, root, path, default_roots(root))
    return replace(settings, tests=with_pytest(settings.tests, _pytest_options(root, document)))


def read_toml(path: str) -> dict[str, Any]:
    """The TOML document at ``path``; ConfigError naming the file (and the line) otherwise."""
    try:
        with open(path, "rb") as handle:
            return parse_toml(handle.read().decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ConfigError(
            f"{path}: not UTF-8 (TOML files are): byte {error.start} cannot be decoded"
        ) from None
    except TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read: {error.strerror}") from None


def _pytest_options(root: str, pyproject: dict[str, Any]) -> PytestOptions | None:
    """pytest's options from the first file that configures it, as pytest picks it; its
    ``testpaths`` without those where the tests sit among the code (see ``_holds_code``)."""
    found = None
    for name, section in _INI_FILES:
        options = _ini_section(os.path.join(root, name), section)
        if options is not None:
            found = ini_pytest_options(options)
            break
    else:
        found = pyproject_pytest_options(pyproject)
    if found is None:
        return None
    testpaths, python_files = found
    return [p for p in testpaths if not _holds_code(os.path.join(root, p))], python_files


def _holds_code(folder: str) -> bool:
    """A testpath that holds test folders of its own (saleor's ``testpaths = ["saleor"]``,
    with ``saleor/checkout/tests/``) is where pytest looks, not test code: the package's
    other files are the product. Looked for three levels down."""
    base = folder.rstrip(os.sep).count(os.sep)
    for path, dirs, _files in os.walk(folder):
        if any(name in TEST_FOLDERS for name in dirs):
            return True
        if path.count(os.sep) - base >= 2:
            dirs[:] = []
    return False


def _ini_section(path: str, section: str) -> dict[str, str] | None:
    """The section's options, or None when the file or the section is absent or unreadable
    (pytest would then look further; a broken tox.ini is not ours to report)."""
    if not os.path.isfile(path):
        return None
    import configparser  # only for a project that has one of these files

    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None
    return dict(parser.items(section)) if parser.has_section(section) else None


def default_roots(root: str) -> tuple[str, ...]:
    """``src`` when the project uses a src layout; a Django project's folder when its
    ``manage.py`` sits one level down; else the project folder itself."""
    if os.path.isdir(os.path.join(root, "src")):
        return ("src", ".")
    django = _django_folder(root)
    return (django, ".") if django else (".",)


def _django_folder(root: str) -> str | None:
    """The folder of the one ``manage.py`` one level down (netbox's ``netbox/``) when that
    folder is no package and the repository root holds no package of its own: Django puts
    manage.py's folder on ``sys.path``, so the apps import by their names from there."""
    if os.path.isfile(os.path.join(root, "manage.py")) or _folders_holding(root, "__init__.py"):
        return None
    managed = _folders_holding(root, "manage.py")
    return managed[0] if len(managed) == 1 else None


def _folders_holding(root: str, name: str) -> list[str]:
    """The folders directly in ``root`` that hold a file ``name``."""
    try:
        entries = list(os.scandir(root))
    except OSError:
        return []
    return [e.name for e in entries if _is_folder(e) and os.path.isfile(os.path.join(e.path, name))]


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a symbolic link loop
        return False
