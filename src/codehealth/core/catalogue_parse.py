"""The catalogue files (TOML text) parsed and checked into a Catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from codehealth.core.catalogue import Catalogue, LintCost, Rule
from codehealth.core.toml import TOMLDecodeError, parse_toml

SEVERITIES = ("info", "minor", "major", "critical", "blocker")
_TEXT_FIELDS = ("id", "name", "summary", "why", "bad", "good", "severity")
_OPTIONAL_TEXT = ("fix", "metric", "pattern")
_NUMBERS = ("remediation_minutes", "threshold", "minutes_per_point")


class CatalogueError(ValueError):
    """A catalogue file is malformed: names the file, the rule and the field."""


def parse_catalogue(texts: Mapping[str, str]) -> Catalogue:
    """``texts`` maps a file name (``complexity.toml``) to its content."""
    rules: list[Rule] = []
    lint_costs: list[LintCost] = []
    defaults: list[tuple[str, LintCost]] = []
    for name in sorted(texts):
        try:
            document = parse_toml(texts[name])
        except TOMLDecodeError as error:
            raise CatalogueError(f"rules/{name}: not valid TOML: {error}") from None
        family = document.get("family", name.removesuffix(".toml"))
        for table in document.get("rule", []):
            rules.append(_rule(name, str(family), table))
        for table in document.get("cost", []):
            lint_costs.append(_lint_cost(name, table))
        for tool, table in document.get("defaults", {}).items():
            defaults.append((tool, _lint_cost(name, {"match": "", **table})))
    ids = [rule.id for rule in rules]
    duplicates = sorted({rule_id for rule_id in ids if ids.count(rule_id) > 1})
    if duplicates:
        raise CatalogueError(f"rules/: rule ids defined twice: {', '.join(duplicates)}")
    return Catalogue(
        tuple(sorted(rules, key=lambda rule: rule.id)), tuple(lint_costs), tuple(defaults)
    )


def _rule(name: str, family: str, table: Any) -> Rule:
    where = f"rules/{name}: rule {table.get('id', '?')!r}" if isinstance(table, dict) else name
    if not isinstance(table, dict):
        raise CatalogueError(f"{where}: [[rule]] must be a table")
    values: dict[str, Any] = {"family": str(table.get("family", family))}
    values.update(_rule_texts(where, table))
    values.update(_rule_numbers(where, table))
    if values["severity"] not in SEVERITIES:
        raise CatalogueError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
    return Rule(**values)


def _rule_texts(where: str, table: dict[str, Any]) -> dict[str, str]:
    """The rule's text fields (the required ones not blank), without surrounding newlines."""
    values: dict[str, str] = {}
    for key in (*_TEXT_FIELDS, *_OPTIONAL_TEXT):
        value = table.get(key, "" if key in _OPTIONAL_TEXT else None)
        if not isinstance(value, str) or (key in _TEXT_FIELDS and not value.strip()):
            raise CatalogueError(f"{where}: {key} must be a non-empty string")
        values[key] = value.strip("\n")
    return values


def _rule_numbers(where: str, table: dict[str, Any]) -> dict[str, float]:
    """The rule's numbers given (remediation_minutes is required), each 0 or more."""
    values: dict[str, float] = {}
    for key in _NUMBERS:
        value = table.get(key)
        if value is None and key != "remediation_minutes":
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise CatalogueError(f"{where}: {key} must be a number of 0 or more")
        values[key] = float(value)
    return values


def _lint_cost(name: str, table: Any) -> LintCost:
    if not isinstance(table, dict) or not isinstance(table.get("match"), str):
        raise CatalogueError(f"rules/{name}: every [[cost]] needs a string `match`")
    minutes = table.get("remediation_minutes", 0)
    if isinstance(minutes, bool) or not isinstance(minutes, (int, float)) or minutes < 0:
        raise CatalogueError(f"rules/{name}: {table['match']}: remediation_minutes must be >= 0")
    severity = table.get("severity", "minor")
    if severity not in SEVERITIES:
        raise CatalogueError(f"rules/{name}: {table['match']}: unknown severity {severity!r}")
    return LintCost(
        table["match"],
        float(minutes),
        severity,
        str(table.get("summary", "")),
        str(table.get("covered_by", "")),
    )
