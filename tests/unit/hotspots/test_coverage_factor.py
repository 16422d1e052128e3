"""Coverage in the hotspot score: a tested function weighs half an untested one."""

from __future__ import annotations

import pytest

from codehealth.core import FileCoverage, FileMetrics
from codehealth.hotspots.ranking import rank_functions, untested_factor
from codehealth.metrics import analyze_source

BODY = "    if a:\n        return 1\n    for x in a:\n        a += x\n    return a\n"
SOURCE = f"def first(a):\n{BODY}\n\ndef second(a):\n{BODY}".encode()


def _metrics() -> FileMetrics:
    metrics = analyze_source(SOURCE, "x.py")
    assert isinstance(metrics, FileMetrics)
    return metrics


@pytest.mark.parametrize(("rate", "factor"), [(None, 1.0), (0.0, 1.0), (1.0, 0.5), (0.5, 0.75)])
def test_the_factor(rate: float | None, factor: float) -> None:
    assert untested_factor(rate) == factor


def test_two_equal_functions_rank_by_coverage() -> None:
    metrics = _metrics()
    assert [fn.cyclomatic for fn in metrics.functions] == [3, 3]
    changes = {"first": 4, "second": 4}
    # without coverage: a tie, broken by the line
    tied = rank_functions("x.py", metrics, changes, None)
    assert [row.qualname for row in tied] == ["first", "second"]
    assert tied[0].score == tied[1].score
    statements = frozenset({1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14})
    tested_first = FileCoverage("x.py", statements, frozenset({1, 2, 3, 4, 5, 6, 9}))
    ranked = rank_functions("x.py", metrics, changes, None, tested_first)
    assert [row.qualname for row in ranked] == ["second", "first"]
    assert ranked[1].score == pytest.approx(ranked[0].score / 2, abs=0.1)
    assert "covered 0% by the tests" in ranked[0].reasons
