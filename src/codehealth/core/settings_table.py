"""One ``[tool.codehealth.<section>]`` table checked key by key: the loop every section's
parser shares (unknown keys named with the known ones, bad values with what is expected)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from codehealth.core.settings import ConfigError

INVALID = object()  # what a converter returns for a value it does not accept


def section_values(
    table: Any,
    path: str,
    section: str,
    expected: Mapping[str, str],
    convert: Callable[[str, Any], Any],
) -> dict[str, Any]:
    """The section's values by field name (``-`` in keys read as ``_``). ``expected``: each
    known key and the words for a valid value; ``convert(name, value)``: the value as the
    settings hold it, or INVALID (it may also raise ConfigError with its own message)."""
    where = f"{path}: [tool.codehealth.{section}]"
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.codehealth.{section} must be a table")
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in expected:
            known = ", ".join(sorted(expected))
            raise ConfigError(f"{where}: unknown key {key!r}; known keys: {known}")
        converted = convert(name, value)
        if converted is INVALID:
            raise ConfigError(f"{where} {key} = {value!r}: expected {expected[name]}")
        values[name] = converted
    return values


def whole_number(value: Any, least: int = 0) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


def strings(value: Any) -> bool:
    """A list of non-empty strings."""
    return isinstance(value, list) and all(isinstance(v, str) and v for v in value)


def fraction(value: Any) -> float | None:
    """A number between 0 and 1, as a float; None for anything else (a converter's answer)."""
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return float(value) if number and 0 <= value <= 1 else None


def positive_count(value: Any) -> int | None:
    """A whole number of 1 or more; None for anything else."""
    return value if whole_number(value, 1) else None
