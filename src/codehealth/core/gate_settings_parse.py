"""``[tool.codehealth.gate]`` validated into GateSettings."""

from __future__ import annotations

import os
from dataclasses import fields
from typing import Any

from codehealth.core.settings import STRICTNESS, ConfigError, GateSettings

_EXPECTED = {
    "bool": "true or false",
    "int": "a whole number of 0 or more",
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
        kind = "strictness" if name == "strictness" else known[name]
        if not _fits(kind, value):
            raise ConfigError(f"{where} {key} = {value!r}: expected {_EXPECTED[kind]}")
        values[name] = value
    return GateSettings(**values)


def _fits(kind: str, value: Any) -> bool:
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if kind == "strictness":
        return value in STRICTNESS
    return isinstance(value, str) and bool(value) and "\n" not in value and _inside(value)


def _inside(name: str) -> bool:
    """A path relative to the project that stays in it: `codehealth baseline` writes the
    file, and a cloned repository's configuration must not choose a file elsewhere
    (~/.bashrc, ../other-project/...) for it to overwrite."""
    normal = os.path.normpath(name.replace("\\", "/"))
    return not os.path.isabs(normal) and normal != ".." and not normal.startswith("../")
