"""A change's recommended review level, from the reasons found for it (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from codehealth.core.review_settings import LIGHTWEIGHT, REVIEW_LEVELS, ReviewSettings


@dataclass(frozen=True, slots=True)
class ReviewReason:
    """One reason for attention: ``kind`` is one of review_settings' reason names, ``text``
    says what and where (``touches hotspot #3 shop/orders.py``)."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class ReviewLevel:
    """The level and every reason, those that set the level first."""

    level: str
    reasons: tuple[ReviewReason, ...] = ()

    def at_least(self, level: str) -> bool:
        """Whether this level is ``level`` or above (False for "": never)."""
        return bool(level) and _rank(self.level) >= _rank(level)


def review_level(reasons: Iterable[ReviewReason], settings: ReviewSettings) -> ReviewLevel:
    """The highest level any reason raises the change to; lightweight when none does."""
    found = list(dict.fromkeys(reasons))  # the same reason twice counts once
    ranked = sorted(found, key=lambda r: -_rank(settings.level_of(r.kind)))
    level = settings.level_of(ranked[0].kind) if ranked else LIGHTWEIGHT
    return ReviewLevel(level, tuple(ranked))


def _rank(level: str) -> int:
    return REVIEW_LEVELS.index(level) if level in REVIEW_LEVELS else 0
