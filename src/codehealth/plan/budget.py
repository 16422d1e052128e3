"""Time budgets as people write them: ``40h``, ``90m``, ``2.5d``, ``1w``, ``10%``."""

from __future__ import annotations

import re

MINUTES = {"m": 1, "min": 1, "h": 60, "d": 8 * 60, "w": 5 * 8 * 60}
BUDGET_FORMS = "40h, 90m, 2.5d (a day is 8 h) or 1w (a week is 5 days)"
CAPACITY_FORMS = "a share of the team's time: 10% (or 0.1)"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|min|h|d|w)\s*$", re.IGNORECASE)


def parse_duration(text: str, what: str = "budget") -> float:
    """Minutes; ValueError naming the accepted forms."""
    match = _DURATION.match(text)
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"cannot read the {what} {text!r}: write it as {BUDGET_FORMS}")
    return float(match.group(1)) * MINUTES[match.group(2).lower()]


def parse_capacity(text: str) -> float:
    """A fraction between 0 and 1; ValueError naming the accepted forms."""
    raw = text.strip()
    try:
        value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value <= 1:
        raise ValueError(f"cannot read the capacity {text!r}: write it as {CAPACITY_FORMS}")
    return value


def format_minutes(minutes: float) -> str:
    if minutes < 60:
        return f"{minutes:.0f}m"
    return f"{minutes / 60:.1f}h"
