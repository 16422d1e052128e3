"""``[tool.codehealth.debt]`` validated into DebtSettings."""

from __future__ import annotations

from typing import Any

from codehealth.core.settings import ConfigError, DebtSettings

_KEYS = {
    "minutes_per_line": "a number of minutes above 0 (the cost of writing one source line)",
    "costs": "a table of rule ids or lint codes to minutes, e.g. { CH101 = 20, F401 = 1 }",
    "minutes_per_point": "a table of rule ids to minutes, e.g. { CH102 = 2 }",
    "ruff": 'true, false or the ruff command, e.g. "/usr/bin/ruff"',
    "flake8": '"auto" (when the project configures flake8), true, false or the command',
}


def parse_debt(table: Any, path: str) -> DebtSettings:
    where = f"{path}: [tool.codehealth.debt]"
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.codehealth.debt must be a table")
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{where}: unknown key {key!r}; known keys: {known}")
        if name == "minutes_per_line":
            if not _is_number(value) or value <= 0:
                raise ConfigError(f"{where} {key} = {value!r}: expected {_KEYS[name]}")
            values[name] = float(value)
        elif name in ("costs", "minutes_per_point"):
            values[name] = _minutes_table(value, f"{path}: [tool.codehealth.debt.{key}]")
        else:
            values[name] = _command(value, f"{where} {key}", _KEYS[name])
    return DebtSettings(**values)


def _minutes_table(table: Any, where: str) -> tuple[tuple[str, float], ...]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table of names to minutes")
    pairs: list[tuple[str, float]] = []
    for key, value in table.items():
        if not _is_number(value) or value < 0:
            raise ConfigError(f"{where} {key} = {value!r}: expected a number of minutes, 0 or more")
        pairs.append((str(key), float(value)))
    return tuple(pairs)


def _command(value: Any, where: str, expected: str) -> str:
    if value is True:
        return "auto" if "ruff" in where else "on"
    if value is False:
        return "off"
    if isinstance(value, str) and value:
        return value
    raise ConfigError(f"{where} = {value!r}: expected {expected}")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
