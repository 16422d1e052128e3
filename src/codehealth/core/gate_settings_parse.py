"""``[tool.codehealth.gate]`` validated into GateSettings."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import fields
from typing import Any

from codehealth.core.settings import STRICTNESS, ConfigError, GateSettings

_EXPECTED = {
    "bool": "true or false",
    "int": "a whole number of 0 or more",
    "int | None": "a whole number of 0 or more",
    "percent": "a whole number from 0 (off) to 100",
    "str": 'a file name inside the project, e.g. ".codehealth-baseline"',
    "strictness": " or ".join(f'"{s}"' for s in STRICTNESS),
}


def parse_gate(table: Any, path: str) -> GateSettings:
    where = f"{path}: [tool.codehealth.gate]"
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.codehealth.gate must be a table")
    known = {f.name: str(f.type) for f in fields(GateSettings)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(
                f"{where}: unknown key {key!r}; known keys: {', '.join(sorted(known))}"
            )
        kind = _KINDS.get(name, known[name])
        if not _fits(kind, value):
            raise ConfigError(f"{where} {key} = {value!r}: expected {_EXPECTED[kind]}")
        values[name] = value
    return GateSettings(**values)


_KINDS = {"strictness": "strictness", "min_changed_coverage": "percent"}


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _file_name(value: Any) -> bool:
    return isinstance(value, str) and bool(value) and "\n" not in value and _inside(value)


_FITS: dict[str, Callable[[Any], bool]] = {
    "bool": lambda value: isinstance(value, bool),
    "int": _whole,
    "int | None": _whole,
    "percent": lambda value: _whole(value) and value <= 100,
    "strictness": lambda value: value in STRICTNESS,
}


def _fits(kind: str, value: Any) -> bool:
    return _FITS.get(kind, _file_name)(value)


def _inside(name: str) -> bool:
    """A path relative to the project that stays in it: `codehealth baseline` writes the
    file, and a cloned repository's configuration must not choose a file elsewhere
    (~/.bashrc, ../other-project/...) for it to overwrite."""
    normal = os.path.normpath(name.replace("\\", "/"))
    return not os.path.isabs(normal) and normal != ".." and not normal.startswith("../")
