"""Validate ``[tool.codehealth.boundaries]``, ``[tool.codehealth.modules]`` and
``[[tool.codehealth.contracts]]`` into BoundarySettings."""

from __future__ import annotations

import re
from typing import Any

from codehealth.core.boundary_settings import AllowEntry, BoundarySettings, ModuleDecl
from codehealth.core.settings import ConfigError

_DOTTED = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")
_KEYS = (
    "root_packages",
    "allow_type_checking",
    "annotations_are_type_only",
    "exclude_tests",
    "test_patterns",
    "allow",
    "include_string_references",
)


def parse_boundaries(section: dict[str, Any], path: str) -> BoundarySettings:
    """``section`` is the whole ``[tool.codehealth]`` table."""
    table = section.get("boundaries", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.codehealth.boundaries] must be a table")
    where = f"{path}: [tool.codehealth.boundaries]"
    for key in table:
        if key.replace("-", "_") not in _KEYS:
            raise ConfigError(
                f"{where}: unknown key {key!r}; known keys: {', '.join(sorted(_KEYS))}"
            )
    values = {key.replace("-", "_"): value for key, value in table.items()}
    return BoundarySettings(
        root_packages=_names(values.get("root_packages", []), f"{where} root_packages"),
        allow_type_checking=_key_flag(values, "allow_type_checking", False, where),
        annotations_are_type_only=_key_flag(values, "annotations_are_type_only", False, where),
        exclude_tests=_key_flag(values, "exclude_tests", True, where),
        test_patterns=_strings(
            values.get("test_patterns", list(BoundarySettings().test_patterns)),
            f"{where} test_patterns",
        ),
        modules=_modules(section.get("modules", {}), path),
        allow=tuple(_allow(entry, f"{where} allow") for entry in _list(values.get("allow", []))),
        contracts=_contracts(section.get("contracts", []), path),
        include_string_references=_key_flag(values, "include_string_references", False, where),
    )


def _key_flag(values: dict[str, Any], key: str, default: bool, where: str) -> bool:
    return _flag(values.get(key, default), f"{where} {key}")


def _flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: {value!r}: expected true or false")
    return value


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where} = {value!r}: expected a list of strings")
    return tuple(value)


def _names(value: Any, where: str) -> tuple[str, ...]:
    names = _strings(value, where)
    for name in names:
        if not _DOTTED.match(name):
            raise ConfigError(f"{where}: {name!r} is not a dotted module name")
    return names


def _modules(table: Any, path: str) -> tuple[ModuleDecl, ...]:
    where = f"{path}: [tool.codehealth.modules]"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table of module name = {{ depends_on = [...] }}")
    declared: list[ModuleDecl] = []
    for name, options in table.items():
        if not _DOTTED.match(name):
            raise ConfigError(f"{where}: {name!r} is not a dotted module name")
        if not isinstance(options, dict):
            raise ConfigError(f"{where} {name}: expected a table, e.g. {{ depends_on = [] }}")
        unknown = sorted(set(options) - {"depends_on", "depends-on", "public"})
        if unknown:
            raise ConfigError(
                f"{where} {name}: unknown key {unknown[0]!r}; known keys: depends_on, public"
            )
        depends = options.get("depends_on", options.get("depends-on"))
        public = _names(options.get("public", []), f"{where} {name}.public")
        declared.append(
            ModuleDecl(
                name=name,
                depends_on=None
                if depends is None
                else _names(depends, f"{where} {name}.depends_on"),
                public=tuple(item if "." in item else f"{name}.{item}" for item in public),
            )
        )
    return tuple(declared)


def _allow(entry: Any, where: str) -> AllowEntry:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: each entry must be a table with importer, target, reason")
    unknown = sorted(set(entry) - {"importer", "target", "reason", "rule"})
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r}")
    for key in ("importer", "target", "reason"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(
                f"{where}: {key} is required (a non-empty string) in {entry!r}"
                + ("; every allowed import needs a reason" if key == "reason" else "")
            )
    rule = entry.get("rule", "")
    if not isinstance(rule, str):
        raise ConfigError(f"{where}: rule must be a rule id such as 'CH301'")
    return AllowEntry(entry["importer"], entry["target"], entry["reason"].strip(), rule)


def _contracts(value: Any, path: str) -> tuple[dict[str, Any], ...]:
    where = f"{path}: [[tool.codehealth.contracts]]"
    if not isinstance(value, list):
        raise ConfigError(f"{where} must be an array of tables")
    contracts: list[dict[str, Any]] = []
    for index, table in enumerate(value, start=1):
        if not isinstance(table, dict):
            raise ConfigError(f"{where} #{index}: expected a table")
        for key in ("name", "type"):
            if not isinstance(table.get(key), str) or not table[key]:
                raise ConfigError(f"{where} #{index}: missing field {key!r}")
        # import-linter reads TOML booleans as the strings "True"/"False".
        contracts.append(
            {key: str(item) if isinstance(item, bool) else item for key, item in table.items()}
        )
    return tuple(contracts)
