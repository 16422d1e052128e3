"""The project's settings, read from its files: ``pyproject.toml`` (or ``--config``), and
the file pytest takes its options from. Core validates what they say."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from codehealth.core import (
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
    """pytest's options from the first file that configures it, as pytest picks it."""
    for name, section in _INI_FILES:
        options = _ini_section(os.path.join(root, name), section)
        if options is not None:
            return ini_pytest_options(options)
    return pyproject_pytest_options(pyproject)


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
    """``src`` when the project uses a src layout, else the project folder itself."""
    if os.path.isdir(os.path.join(root, "src")):
        return ("src", ".")
    return (".",)
