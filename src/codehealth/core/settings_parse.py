"""Validate the ``[tool.codehealth]`` table into Settings (read by ``adapters.files``)."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any

from codehealth.core.boundary_settings_parse import parse_boundaries
from codehealth.core.debt_settings_parse import parse_debt
from codehealth.core.django_settings_parse import parse_django
from codehealth.core.duplication_settings_parse import parse_duplication
from codehealth.core.gate_settings_parse import parse_gate
from codehealth.core.history_settings_parse import parse_history
from codehealth.core.review_settings_parse import parse_review
from codehealth.core.settings import DEFAULT_EXCLUDE, ConfigError, Settings, Thresholds
from codehealth.core.tests_settings_parse import parse_tests

_INVALID = object()


def _str_tuple(value: Any) -> Any:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return _INVALID


def _flag(value: Any) -> Any:
    return value if isinstance(value, bool) else _INVALID


def _non_empty_str(value: Any) -> Any:
    return value if isinstance(value, str) and value else _INVALID


def _count(value: Any) -> Any:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return value if ok else _INVALID


# key -> (what is expected, converter returning the value for Settings or _INVALID)
_TOP_KEYS: dict[str, tuple[str, Any]] = {
    "roots": ('a list of folder names, e.g. ["src"]', _str_tuple),
    "exclude": ('a list of glob patterns, e.g. ["legacy/*"]', _str_tuple),
    "exclude_migrations": ("true or false", _flag),
    "exclude_hidden": ("true or false", _flag),
    "exclude_vendored": ("true or false", _flag),
    "exclude_generated": ("true or false", _flag),
    "cache_dir": ('a folder path, e.g. ".codehealth"', _non_empty_str),
    "jobs": ("a whole number of worker processes (0 = one per core)", _count),
    "thresholds": ("a table, e.g. [tool.codehealth.thresholds]", None),
    "debt": ("a table, e.g. [tool.codehealth.debt]", None),
    "history": ("a table, e.g. [tool.codehealth.history]", None),
    "gate": ("a table, e.g. [tool.codehealth.gate]", None),
    "boundaries": ("a table, e.g. [tool.codehealth.boundaries]", None),
    "modules": ('a table, e.g. [tool.codehealth.modules] "shop.orders" = {}', None),
    "contracts": ("an array of tables, e.g. [[tool.codehealth.contracts]]", None),
    "tests": ("a table, e.g. [tool.codehealth.tests]", None),
    "coverage": ('a coverage data file, e.g. "coverage.xml", or "off"', _non_empty_str),
    "duplication": ("a table, e.g. [tool.codehealth.duplication]", None),
    "django": ("a table, e.g. [tool.codehealth.django]", None),
    "review": ("a table, e.g. [tool.codehealth.review]", None),
}


def parse_settings(
    section: dict[str, Any], root: str, path: str, default_roots: tuple[str, ...] = (".",)
) -> Settings:
    """Validate the ``[tool.codehealth]`` table. Keys may use ``-`` or ``_``."""
    changes = _top_level_changes(section, path)
    if "exclude" in changes:
        changes["exclude"] = DEFAULT_EXCLUDE + changes["exclude"]
    sub_tables: tuple[tuple[str, Callable[[Any, str], Any]], ...] = (
        ("thresholds", _thresholds),
        ("debt", parse_debt),
        ("history", parse_history),
        ("gate", parse_gate),
        ("tests", parse_tests),
        ("duplication", parse_duplication),
        ("django", parse_django),
        ("review", parse_review),
    )
    for name, parse in sub_tables:
        table = section.get(name)
        if table is not None:
            changes[name] = parse(table, path)
    if any(key in section for key in ("boundaries", "modules", "contracts")):
        changes["boundaries"] = parse_boundaries(section, path)
    return replace(Settings(root=root, roots=default_roots, config_file=path), **changes)


def _top_level_changes(section: dict[str, Any], path: str) -> dict[str, Any]:
    """The plain keys of ``[tool.codehealth]``, validated and converted (sub-tables are
    read by their own parsers)."""
    changes: dict[str, Any] = {}
    for key, value in section.items():
        name = key.replace("-", "_")
        if name not in _TOP_KEYS:
            raise ConfigError(_unknown_key(path, "tool.codehealth", key, _TOP_KEYS))
        expectation, convert = _TOP_KEYS[name]
        if convert is None:
            continue  # a sub-table, read below
        converted = convert(value)
        if converted is _INVALID:
            raise ConfigError(
                f"{path}: [tool.codehealth] {key} = {value!r}: expected {expectation}"
            )
        changes[name] = converted
    return changes


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
        if not _is_threshold(value, whole=known[name] == "int"):
            kind = "a whole number" if known[name] == "int" else "a number"
            raise ConfigError(f"{where} {key} = {value!r}: expected {kind} of 0 or more")
        values[name] = value
    return Thresholds(**values)


def _is_threshold(value: Any, whole: bool) -> bool:
    """Whether ``value`` is a number of 0 or more (a whole one when ``whole``)."""
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    # `not value < 0`, not `value >= 0`: TOML's nan has always been accepted
    return numeric and not value < 0 and (not whole or isinstance(value, int))


def _unknown_key(path: str, table: str, key: str, known: Any) -> str:
    close = difflib.get_close_matches(key.replace("-", "_"), list(known), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"{path}: unknown key {key!r} in [{table}]{hint}; known keys: {', '.join(sorted(known))}"
