"""``[tool.codehealth.history]`` validated into HistorySettings (hotspots, plan, history)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from codehealth.core.history_settings import DEFAULT_BOTS, DEFAULT_HISTORY_EXCLUDE, HistorySettings
from codehealth.core.settings_table import INVALID, fraction, positive_count, section_values
from codehealth.core.store_url import is_postgres_url

_KEYS: dict[str, str] = {
    "window": 'a period like "12.months", "6.weeks", "90.days" or a date "2024-01-31"',
    "include": 'a list of path globs, e.g. ["*.py"]',
    "exclude": 'a list of path globs added to the defaults, e.g. ["docs/*"]',
    "bots": 'a list of author name/e-mail globs added to the defaults, e.g. ["ci-*"]',
    "huge_commit": "a whole number of files above which a commit is left out of coupling",
    "coupling_min_revisions": "a whole number of revisions (average of the pair)",
    "coupling_min_shared": "a whole number of shared revisions",
    "coupling_min_degree": "a number between 0 and 1 (0.3 = 30 %)",
    "module_depth": "a whole number of dotted name parts (2: django.contrib)",
    "store": "a postgresql:// URL without its password (PGPASSWORD or ~/.pgpass hold it)",
    "name": 'a name for this repository in a shared store, e.g. "shop/api"',
    "boundaries": "true or false: record the boundary summary of HEAD in a shared store",
}


def parse_history(table: Any, path: str) -> HistorySettings:
    values = section_values(table, path, "history", _KEYS, _convert)
    for name, defaults in (("exclude", DEFAULT_HISTORY_EXCLUDE), ("bots", DEFAULT_BOTS)):
        if name in values:
            values[name] = defaults + values[name]
    return HistorySettings(**values)


def _convert(name: str, value: Any) -> Any:
    """``value`` of key ``name`` as HistorySettings holds it; INVALID when it is not valid."""
    convert: Callable[[Any], Any] = _CONVERTERS.get(name, positive_count)
    converted = convert(value)
    return INVALID if converted is None else converted


def _text(value: Any) -> Any:
    """Any non-blank string (a window's period or date is read by HistorySettings)."""
    return value if isinstance(value, str) and value.strip() else None


def _name(value: Any) -> Any:
    """A repository's name, or "" for its remote's."""
    return value.strip() if isinstance(value, str) else None


def _globs(value: Any) -> Any:
    """A list of strings, as a tuple."""
    ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
    return tuple(value) if ok else None


def _flag(value: Any) -> Any:
    return value if isinstance(value, bool) else None


def _store(value: Any) -> Any:
    """A PostgreSQL URL, or "" for the SQLite store."""
    return value if isinstance(value, str) and (not value or is_postgres_url(value)) else None


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "store": _store,
    "name": _name,
    "boundaries": _flag,
    "window": _text,
    "include": _globs,
    "exclude": _globs,
    "bots": _globs,
    "coupling_min_degree": fraction,
}
