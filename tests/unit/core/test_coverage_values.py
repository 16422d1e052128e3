"""The coverage values: ratios, spans of a function, CRAP, and what a missing file means."""

from __future__ import annotations

import pytest

from codehealth.core import (
    BranchCount,
    CoverageData,
    FileCoverage,
    Ratio,
    SpanCoverage,
    SpanIndex,
    crap,
    crap_risk,
    file_coverage_span,
    folder_coverage,
    function_coverage,
    percent,
    span_coverage,
)

FILE = FileCoverage(
    "app/x.py",
    statements=frozenset({1, 2, 3, 5, 6, 10, 11}),
    executed=frozenset({1, 2, 3, 10}),
    branches={2: BranchCount(2, 1), 10: BranchCount(2, 0)},
)


def test_a_function_counts_its_statements_and_the_branches_of_its_lines() -> None:
    first = span_coverage(FILE, 2, 6)
    assert first == SpanCoverage(Ratio(2, 4), Ratio(1, 2))
    assert first.rate == pytest.approx(3 / 6)
    assert span_coverage(FILE, 10, 11) == SpanCoverage(Ratio(1, 2), Ratio(0, 2))


def test_a_span_without_statements_has_no_figure_not_zero() -> None:
    empty = span_coverage(FILE, 7, 9)
    assert empty.lines == Ratio(0, 0)
    assert empty.rate is None
    assert crap_risk(5, empty) is None
    assert percent(empty.rate) == "-"


def test_the_file_figure_is_coverage_py_total() -> None:
    whole = file_coverage_span(FILE)
    assert whole == SpanCoverage(Ratio(4, 7), Ratio(1, 4))
    assert percent(whole.rate) == "45%"  # (4 + 1) / (7 + 4), as `coverage report` shows


def test_spans_add_up() -> None:
    total = span_coverage(FILE, 1, 3) + span_coverage(FILE, 10, 11)
    assert total == SpanCoverage(Ratio(4, 5), Ratio(1, 4))


@pytest.mark.parametrize(
    ("cyclomatic", "coverage", "expected"),
    [(1, 0.0, 2.0), (10, 1.0, 10.0), (10, 0.0, 110.0), (5, 0.5, 25 * 0.125 + 5), (30, 1.0, 30.0)],
)
def test_crap_is_cc_squared_times_uncovered_cubed_plus_cc(
    cyclomatic: int, coverage: float, expected: float
) -> None:
    assert crap(cyclomatic, coverage) == pytest.approx(expected)


def test_crap_of_a_function_from_its_coverage() -> None:
    assert crap_risk(6, SpanCoverage(Ratio(0, 4), Ratio(0, 0))) == pytest.approx(42.0)
    assert crap_risk(6, SpanCoverage(Ratio(4, 4), Ratio(2, 2))) == pytest.approx(6.0)


def test_a_stale_file_is_unknown() -> None:
    data = CoverageData({"app/x.py": FILE}, ".coverage", "coverage.py", stale=("app/old.py",))
    assert data.of("app/x.py") is FILE
    assert data.of("app/old.py") is None


def test_the_index_gives_the_same_spans_as_the_walk() -> None:
    index = SpanIndex(FILE)
    for first in range(0, 13):
        for last in range(first, 13):
            assert index.span(first, last) == span_coverage(FILE, first, last), (first, last)
    assert index.function(1, 6) == function_coverage(FILE, 1, 6) == span_coverage(FILE, 2, 6)


def test_folders_sum_their_files() -> None:
    a = SpanCoverage(Ratio(1, 2), Ratio(0, 2))
    b = SpanCoverage(Ratio(3, 3), Ratio(0, 0))
    folders = folder_coverage([("shop/cart.py", a), ("shop/pay/card.py", b), ("run.py", b)])
    assert folders["shop/pay"] == b
    assert folders["shop"] == a + b
    assert folders[""] == a + b + b
