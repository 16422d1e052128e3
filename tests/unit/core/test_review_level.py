"""A change's review level from its reasons, and [tool.codehealth.review] validated."""

from __future__ import annotations

import pytest

from codehealth.core import (
    API,
    CAREFUL,
    COCHANGE,
    DESIGN,
    HOTSPOT,
    LIGHTWEIGHT,
    ConfigError,
    ReviewReason,
    ReviewSettings,
    parse_settings,
    review_level,
)

HOT = ReviewReason(HOTSPOT, "touches hotspot #1 shop/orders.py")
EXPORTS = ReviewReason(API, "public API of shop changed (added Order)")
FORGOT = ReviewReason(COCHANGE, "shop/fees.py usually changes with shop/orders.py")


def test_no_reason_is_lightweight() -> None:
    level = review_level([], ReviewSettings())
    assert (level.level, level.reasons) == (LIGHTWEIGHT, ())
    assert not level.at_least(CAREFUL)


def test_the_highest_reason_sets_the_level_and_comes_first() -> None:
    level = review_level([HOT, EXPORTS, FORGOT, HOT], ReviewSettings())
    assert level.level == DESIGN
    assert level.reasons == (EXPORTS, HOT, FORGOT)  # the repeated reason counted once
    assert level.at_least(CAREFUL) and level.at_least(DESIGN)
    assert not level.at_least("")


def test_a_reason_can_be_set_to_another_level() -> None:
    settings = parse_settings(
        {"review": {"levels": {"api": "careful", "hotspot": "lightweight"}, "fail-at": "careful"}},
        "/p",
        "/p/pyproject.toml",
    ).review
    assert review_level([HOT], settings).level == LIGHTWEIGHT
    assert review_level([HOT, EXPORTS], settings).level == CAREFUL
    assert settings.level_of(COCHANGE) == CAREFUL  # the defaults stay for the others
    assert settings.fail_at == CAREFUL
    wide = parse_settings({"review": {"cochange-max-files": 20}}, "/p", "/p/pyproject.toml")
    assert wide.review.cochange_max_files == 20
    assert parse_settings({}, "/p", "x").review == ReviewSettings()


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ({"levels": {"hotspots": "careful"}}, "levels = {'hotspots': 'careful'}: expected a table"),
        ({"levels": {"api": "urgent"}}, "reasons: hotspot, complexity, co-change"),
        ({"fail_at": "lightweight"}, "fail_at = 'lightweight': expected a review level"),
        ({"design_share": 10}, "design_share = 10: expected a number between 0 and 1"),
        ({"hotspots": 0}, "hotspots = 0: expected a whole number"),
        ({"cochange_max_files": 1.5}, "cochange_max_files = 1.5: expected a whole number"),
        ({"reviewer": 2}, "unknown key 'reviewer'"),
    ],
)
def test_bad_values_are_named_with_what_is_expected(table: object, words: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_settings({"review": table}, "/p", "/p/pyproject.toml")
    assert words in str(raised.value)
    assert "[tool.codehealth.review]" in str(raised.value)
