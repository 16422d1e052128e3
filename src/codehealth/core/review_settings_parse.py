"""``[tool.codehealth.review]`` validated into ReviewSettings (the gate's review guidance and
``codehealth reviews``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from codehealth.core.review_settings import (
    DEFAULT_REASON_LEVELS,
    REVIEW_LEVELS,
    ReviewSettings,
)
from codehealth.core.settings_table import (
    INVALID,
    fraction,
    positive_count,
    section_values,
    whole_number,
)

_REASONS = tuple(reason for reason, _ in DEFAULT_REASON_LEVELS)
_KEYS: dict[str, str] = {
    "levels": 'a table of reason = level, e.g. {hotspot = "design"}; reasons: '
    + ", ".join(_REASONS)
    + "; levels: "
    + ", ".join(REVIEW_LEVELS),
    "fail_at": 'a review level at which the gate fails ("careful" or "design"), or "" for never',
    "design_share": "a number between 0 and 1 (0.1 = 10 % of changes get a design review)",
    "hotspots": "a whole number of top-ranked files that count as hotspots",
    "hotspot_min_lines": "a whole number of changed lines in a hotspot that make it a reason",
    "cochange_min_degree": "a number between 0 and 1 (0.5 = in half of their commits)",
    "cochange_min_shared": "a whole number of commits the two files shared",
    "cochange_max_files": "a whole number of files: larger commits are no co-change evidence",
    "reviewers": "a whole number of suggested reviewers",
}


def parse_review(table: Any, path: str) -> ReviewSettings:
    return ReviewSettings(**section_values(table, path, "review", _KEYS, _convert))


def _convert(name: str, value: Any) -> Any:
    convert: Callable[[Any], Any] = _CONVERTERS.get(name, positive_count)
    converted = convert(value)
    return INVALID if converted is None else converted


def _levels(value: Any) -> Any:
    """The default levels with the table's reasons set (None for an unknown reason or level)."""
    if not isinstance(value, dict):
        return None
    if any(r not in _REASONS or level not in REVIEW_LEVELS for r, level in value.items()):
        return None
    return tuple((reason, value.get(reason, level)) for reason, level in DEFAULT_REASON_LEVELS)


def _fail_at(value: Any) -> Any:
    return value if value in ("", *REVIEW_LEVELS[1:]) else None


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "levels": _levels,
    "fail_at": _fail_at,
    "design_share": fraction,
    "cochange_min_degree": fraction,
    "hotspot_min_lines": lambda value: value if whole_number(value) else None,
}
