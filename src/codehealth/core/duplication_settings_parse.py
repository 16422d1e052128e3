"""``[tool.codehealth.duplication]`` validated."""

from __future__ import annotations

from typing import Any

from codehealth.core.duplication_settings import MIN_TOKENS_FLOOR, DuplicationSettings
from codehealth.core.settings import ConfigError

_KEYS = {
    "enabled": "true or false",
    "min_tokens": f"a whole number of {MIN_TOKENS_FLOOR} or more",
    "min_lines": "a whole number of 1 or more",
    "exclude": 'a list of file globs, e.g. ["src/generated/*"]',
}


def parse_duplication(table: Any, path: str) -> DuplicationSettings:
    where = f"{path}: [tool.codehealth.duplication]"
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.codehealth.duplication must be a table")
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in _KEYS:
            raise ConfigError(f"{where}: unknown key {key!r}; known keys: {', '.join(_KEYS)}")
        if not _valid(name, value):
            raise ConfigError(f"{where} {key} = {value!r}: expected {_KEYS[name]}")
        values[name] = tuple(value) if name == "exclude" else value
    return DuplicationSettings(**values)


def _valid(name: str, value: Any) -> bool:
    if name == "enabled":
        return isinstance(value, bool)
    if name == "exclude":
        return isinstance(value, list) and all(isinstance(v, str) and v for v in value)
    least = MIN_TOKENS_FLOOR if name == "min_tokens" else 1
    return isinstance(value, int) and not isinstance(value, bool) and value >= least
