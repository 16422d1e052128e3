"""Read ``[tool.codehealth]`` from pyproject.toml and validate it into Settings."""

from __future__ import annotations

import difflib
import os
import sys
from dataclasses import fields, replace
from typing import Any

from codehealth.config.settings import DEFAULT_EXCLUDE, ConfigError, Settings, Thresholds

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

_TOP_KEYS = {
    "roots": 'a list of folder names, e.g. ["src"]',
    "exclude": 'a list of glob patterns, e.g. ["legacy/*"]',
    "exclude_migrations": "true or false",
    "cache_dir": 'a folder path, e.g. ".codehealth"',
    "jobs": "a whole number of worker processes (0 = one per core)",
    "thresholds": "a table, e.g. [tool.codehealth.thresholds]",
}


def load_settings(root: str, config_file: str | None = None) -> Settings:
    """Settings for the project at ``root``: from ``config_file`` or ``root/pyproject.toml``."""
    path = config_file or os.path.join(root, "pyproject.toml")
    if not os.path.isfile(path):
        if config_file:
            raise ConfigError(f"{config_file}: no such configuration file")
        return Settings(root=root, roots=_default_roots(root))
    document = read_toml(path)
    section = document.get("tool", {}).get("codehealth", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.codehealth] must be a table")
    return parse_settings(section, root, path, _default_roots(root))


def read_toml(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            document: dict[str, Any] = tomllib.load(handle)
            return document
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read: {error.strerror}") from None


def parse_settings(
    section: dict[str, Any], root: str, path: str, default_roots: tuple[str, ...] = (".",)
) -> Settings:
    """Validate the ``[tool.codehealth]`` table. Keys may use ``-`` or ``_``."""
    values = {key.replace("-", "_"): value for key, value in section.items()}
    for key in values:
        if key not in _TOP_KEYS:
            raise ConfigError(_unknown_key(path, "tool.codehealth", key, _TOP_KEYS))
    settings = Settings(root=root, roots=default_roots, config_file=path)
    where = f"{path}: [tool.codehealth]"
    if "roots" in values:
        settings = replace(settings, roots=tuple(_str_list(values["roots"], where, "roots")))
    if "exclude" in values:
        extra = tuple(_str_list(values["exclude"], where, "exclude"))
        settings = replace(settings, exclude=DEFAULT_EXCLUDE + extra)
    if "exclude_migrations" in values:
        flag = values["exclude_migrations"]
        if not isinstance(flag, bool):
            raise ConfigError(_expected(where, "exclude_migrations", flag, _TOP_KEYS))
        settings = replace(settings, exclude_migrations=flag)
    if "cache_dir" in values:
        cache_dir = values["cache_dir"]
        if not isinstance(cache_dir, str) or not cache_dir:
            raise ConfigError(_expected(where, "cache_dir", cache_dir, _TOP_KEYS))
        settings = replace(settings, cache_dir=cache_dir)
    if "jobs" in values:
        jobs = values["jobs"]
        if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
            raise ConfigError(_expected(where, "jobs", jobs, _TOP_KEYS))
        settings = replace(settings, jobs=jobs)
    if "thresholds" in values:
        settings = replace(settings, thresholds=_thresholds(values["thresholds"], path))
    return settings


def _thresholds(table: Any, path: str) -> Thresholds:
    where = f"{path}: [tool.codehealth.thresholds]"
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.codehealth.thresholds must be a table")
    known = {f.name: f.type for f in fields(Thresholds)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(_unknown_key(path, "tool.codehealth.thresholds", key, known))
        numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not numeric or value < 0 or (known[name] == "int" and not isinstance(value, int)):
            kind = "a whole number" if known[name] == "int" else "a number"
            raise ConfigError(f"{where} {key} = {value!r}: expected {kind} of 0 or more")
        values[name] = value
    return Thresholds(**values)


def _str_list(value: Any, where: str, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(_expected(where, key, value, _TOP_KEYS))
    return list(value)


def _expected(where: str, key: str, value: Any, expectations: dict[str, str]) -> str:
    return f"{where} {key} = {value!r}: expected {expectations[key]}"


def _unknown_key(path: str, table: str, key: str, known: Any) -> str:
    close = difflib.get_close_matches(key.replace("-", "_"), list(known), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"{path}: unknown key {key!r} in [{table}]{hint}; known keys: {', '.join(sorted(known))}"


def _default_roots(root: str) -> tuple[str, ...]:
    """``src`` when the project uses a src layout, else the project folder itself."""
    if os.path.isdir(os.path.join(root, "src")):
        return ("src", ".")
    return (".",)
