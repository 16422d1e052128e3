"""``[tool.codehealth.duplication]`` validated."""

from __future__ import annotations

from typing import Any

from codehealth.core.duplication_settings import MIN_TOKENS_FLOOR, DuplicationSettings
from codehealth.core.settings_table import INVALID, section_values, strings, whole_number

_KEYS = {
    "enabled": "true or false",
    "min_tokens": f"a whole number of {MIN_TOKENS_FLOOR} or more",
    "min_lines": "a whole number of 1 or more",
    "exclude": 'a list of file globs, e.g. ["src/generated/*"]',
}


def parse_duplication(table: Any, path: str) -> DuplicationSettings:
    return DuplicationSettings(**section_values(table, path, "duplication", _KEYS, _convert))


def _convert(name: str, value: Any) -> Any:
    if name == "enabled":
        return value if isinstance(value, bool) else INVALID
    if name == "exclude":
        return tuple(value) if strings(value) else INVALID
    least = MIN_TOKENS_FLOOR if name == "min_tokens" else 1
    return value if whole_number(value, least) else INVALID
