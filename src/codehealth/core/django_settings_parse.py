"""``[tool.codehealth.django]`` validated."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from codehealth.core.django_settings import DjangoSettings
from codehealth.core.settings_table import INVALID, section_values

_DOTTED = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")


def _settings_module(value: Any) -> Any:
    """A dotted module, empty (found statically) or "off"."""
    usable = isinstance(value, str) and (value in ("", "off") or _DOTTED.match(value))
    return value if usable else INVALID


def _flag(value: Any) -> Any:
    return value if isinstance(value, bool) else INVALID


def _submodules(value: Any) -> Any:
    names = isinstance(value, list) and all(isinstance(v, str) and _DOTTED.match(v) for v in value)
    return tuple(value) if names else INVALID


# key -> (the words for a valid value, its converter)
_KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "settings_module": ('a dotted module, e.g. "mysite.settings", or "off"', _settings_module),
    "apps_are_modules": ("true or false", _flag),
    "string_references": ("true or false", _flag),
    "public": (
        'a list of submodule names, e.g. ["models", "apps", "admin", "signals", "urls"]',
        _submodules,
    ),
}
_EXPECTED = {key: words for key, (words, _) in _KEYS.items()}


def parse_django(table: Any, path: str) -> DjangoSettings:
    values = section_values(table, path, "django", _EXPECTED, lambda key, v: _KEYS[key][1](v))
    return DjangoSettings(**values)
