"""``[tool.codehealth.django]`` validated."""

from __future__ import annotations

import re
from typing import Any

from codehealth.core.django_settings import DjangoSettings
from codehealth.core.settings_table import INVALID, section_values

_DOTTED = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")
_KEYS = {
    "settings_module": 'a dotted module, e.g. "mysite.settings", or "off"',
    "apps_are_modules": "true or false",
    "string_references": "true or false",
    "public": 'a list of submodule names, e.g. ["models", "apps", "admin", "signals", "urls"]',
}


def parse_django(table: Any, path: str) -> DjangoSettings:
    return DjangoSettings(**section_values(table, path, "django", _KEYS, _convert))


def _convert(name: str, value: Any) -> Any:
    if name == "settings_module":
        return value if isinstance(value, str) and _dotted(value) else INVALID
    if name == "public":
        names = isinstance(value, list) and all(
            isinstance(v, str) and _DOTTED.match(v) for v in value
        )
        return tuple(value) if names else INVALID
    return value if isinstance(value, bool) else INVALID


def _dotted(value: str) -> bool:
    """A settings module: dotted, empty (found statically) or "off"."""
    return value in ("", "off") or _DOTTED.match(value) is not None
