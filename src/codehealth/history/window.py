"""Time windows written like git's ``--since``: ``12.months``, ``6 weeks``, ``2024-01-31``."""

from __future__ import annotations

import datetime
import re

_UNITS = {
    "day": 86400,
    "week": 7 * 86400,
    "month": 2629746,  # a Gregorian month on average
    "year": 31556952,
}
_PERIOD = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[. ]?\s*(day|week|month|year)s?\s*(?:ago)?\s*$", re.I)

WINDOW_FORMS = '"12.months", "6.weeks", "90.days", "1.year", a date "2024-01-31" or "all"'


def window_start(text: str, now: float) -> float | None:
    """The first second inside the window (None: all of history). ValueError if unreadable."""
    if text.strip().lower() in ("all", "ever", ""):
        return None
    match = _PERIOD.match(text)
    if match:
        return now - float(match.group(1)) * _UNITS[match.group(2).lower()]
    try:
        day = datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"cannot read the window {text!r}: expected {WINDOW_FORMS}") from None
    moment = datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc)
    return moment.timestamp()
