"""``[tool.codehealth.debt]`` validated into DebtSettings."""

from __future__ import annotations

from typing import Any

from codehealth.core.settings import ConfigError, DebtSettings
from codehealth.core.settings_table import INVALID, section_values

_KEYS = {
    "minutes_per_line": "a number of minutes above 0 (the cost of writing one source line)",
    "costs": "a table of rule ids or lint codes to minutes, e.g. { CH101 = 20, F401 = 1 }",
    "minutes_per_point": "a table of rule ids to minutes, e.g. { CH102 = 2 }",
    "ruff": 'true, false or the ruff command, e.g. "/usr/bin/ruff"',
    "flake8": '"auto" (when the project configures flake8), true, false or the command',
}


def parse_debt(table: Any, path: str) -> DebtSettings:
    def convert(name: str, value: Any) -> Any:
        if name == "minutes_per_line":
            return float(value) if _is_number(value) and value > 0 else INVALID
        if name in ("costs", "minutes_per_point"):
            return _minutes_table(value, f"{path}: [tool.codehealth.debt.{name}]")
        return _command(name, value)

    return DebtSettings(**section_values(table, path, "debt", _KEYS, convert))


def _minutes_table(table: Any, where: str) -> tuple[tuple[str, float], ...]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table of names to minutes")
    pairs: list[tuple[str, float]] = []
    for key, value in table.items():
        if not _is_number(value) or value < 0:
            raise ConfigError(f"{where} {key} = {value!r}: expected a number of minutes, 0 or more")
        pairs.append((str(key), float(value)))
    return tuple(pairs)


def _command(name: str, value: Any) -> Any:
    if value is True:
        return "auto" if name == "ruff" else "on"
    if value is False:
        return "off"
    return value if isinstance(value, str) and value else INVALID


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
