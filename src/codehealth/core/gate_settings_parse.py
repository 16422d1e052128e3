"""``[tool.codehealth.gate]`` validated into GateSettings."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import fields
from typing import Any

from codehealth.core.settings import STRICTNESS, GateSettings
from codehealth.core.settings_table import INVALID, section_values, whole_number

_EXPECTED = {
    "bool": "true or false",
    "int": "a whole number of 0 or more",
    "int | None": "a whole number of 0 or more",
    "percent": "a whole number from 0 (off) to 100",
    "str": 'a file name inside the project, e.g. ".codehealth-baseline"',
    "strictness": " or ".join(f'"{s}"' for s in STRICTNESS),
}


def parse_gate(table: Any, path: str) -> GateSettings:
    kinds = {f.name: _KINDS.get(f.name, str(f.type)) for f in fields(GateSettings)}
    expected = {name: _EXPECTED[kind] for name, kind in kinds.items()}

    def convert(name: str, value: Any) -> Any:
        return value if _fits(kinds[name], value) else INVALID

    return GateSettings(**section_values(table, path, "gate", expected, convert))


_KINDS = {"strictness": "strictness", "min_changed_coverage": "percent"}


def _file_name(value: Any) -> bool:
    return isinstance(value, str) and bool(value) and "\n" not in value and _inside(value)


_FITS: dict[str, Callable[[Any], bool]] = {
    "bool": lambda value: isinstance(value, bool),
    "int": whole_number,
    "int | None": whole_number,
    "percent": lambda value: whole_number(value) and value <= 100,
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
