"""``codehealth init``'s thresholds: max(default, today's worst) without a baseline (MI:
min(default, today's)); with one, the defaults or stricter."""

from __future__ import annotations

from types import SimpleNamespace

from codehealth.core import Thresholds
from codehealth.init.run import baselined_thresholds, todays_thresholds


def _fn(cyclomatic=1, cognitive=0, nesting=0, parameters=0, length=3):
    return SimpleNamespace(
        cyclomatic=cyclomatic,
        cognitive=cognitive,
        max_nesting=nesting,
        parameters=parameters,
        length=length,
    )


def _file(total, mi, *functions):
    return SimpleNamespace(
        lines=SimpleNamespace(total=total), maintainability=mi, functions=functions
    )


def test_clean_code_keeps_the_defaults():
    assert todays_thresholds([_file(10, 80.0, _fn())]) == Thresholds()


def test_each_limit_rises_to_todays_worst():
    files = [
        _file(1500, 55.0, _fn(cyclomatic=14, length=120)),
        _file(20, 7.456, _fn(cognitive=31, nesting=6, parameters=9)),
    ]
    limits = todays_thresholds(files)
    assert (limits.cyclomatic, limits.cognitive, limits.nesting) == (14, 31, 6)
    assert (limits.parameters, limits.function_length, limits.file_lines) == (9, 120, 1500)
    assert limits.maintainability == 7.45  # below today's lowest MI: the file passes
    assert limits.maintainability <= 7.456


def test_a_maintainability_limit_is_never_above_todays_value():
    for mi in (0.29, 0.57, 1.15, 4.35, 9.999):
        assert todays_thresholds([_file(1, mi)]).maintainability <= mi


def test_with_a_baseline_the_limits_are_the_defaults_or_stricter():
    laxer = Thresholds(cyclomatic=203, cognitive=400, function_length=900, maintainability=0.0)
    assert baselined_thresholds(laxer) == Thresholds()
    stricter = Thresholds(cyclomatic=6, nesting=3, file_lines=500, maintainability=20.0)
    assert baselined_thresholds(stricter) == stricter
