"""Coverage of the lines a change wrote, on constructed values: which changed statements ran,
the untested ones as ranges, those inside complex functions, and when the gate fails on them
(diff-cover's question, with diff-cover #619's point: a percentage hides one untested branch)."""

from __future__ import annotations

from codehealth.core import FileCoverage, FunctionMetrics, GateSettings, Halstead
from codehealth.gate.changed_coverage import (
    ChangedCoverage,
    FunctionCoverage,
    as_ranges,
    coverage_problems,
    fallen_functions,
    file_change_coverage,
    ranges_text,
)
from codehealth.gate.coverage_formats import coverage_markdown_lines, coverage_text_lines
from codehealth.gate.report import ERROR, WARNING

_NO_HALSTEAD = Halstead(0, 0, 0, 0, 0.0, 0.0, 0.0)


def _fn(name: str, first: int, last: int, cyclomatic: int = 1) -> FunctionMetrics:
    return FunctionMetrics(
        name, name, first, last, False, False, cyclomatic, 0, 0, 1, 1, 1, _NO_HALSTEAD
    )


def _run(statements: range, executed: set[int]) -> FileCoverage:
    return FileCoverage("a.py", frozenset(statements), frozenset(executed))


def test_ranges_fold_consecutive_lines() -> None:
    assert as_ranges([9, 3, 4, 5, 4]) == ((3, 5), (9, 9))
    assert ranges_text(((3, 5), (9, 9))) == "3-5, 9"


def test_only_changed_statements_count_and_the_untested_ones_are_named() -> None:
    # statements 1-20; the tests ran 1-10; the change wrote 5-7 (ran) and 12-14 (did not)
    # and a comment line 30 that is no statement
    run = _run(range(1, 21), set(range(1, 11)))
    result = file_change_coverage("a.py", ((5, 7), (12, 14), (30, 30)), run, [], 10)
    assert (result.changed, result.covered, result.uncovered) == (6, 3, ((12, 14),))


def test_untested_lines_inside_complex_functions_are_counted_apart() -> None:
    run = _run(range(1, 41), set(range(1, 11)))
    simple, tangled = _fn("simple", 11, 20, cyclomatic=2), _fn("tangled", 21, 40, cyclomatic=14)
    result = file_change_coverage("a.py", ((15, 16), (30, 30)), run, [simple, tangled], 10)
    assert result.uncovered == ((15, 16), (30, 30))
    assert result.uncovered_in_complex == 1  # line 30, in the function over the threshold
    assert [(f.qualname, f.covered, f.statements) for f in result.functions] == [
        ("simple", 0, 9),  # the body: the def line ran at import, it is not the function's
        ("tangled", 0, 19),
    ]


def _change(changed: int, covered: int) -> ChangedCoverage:
    """A change that wrote lines 1..changed of one file, the first ``covered`` of them run."""
    run = _run(range(1, changed + 1), set(range(1, covered + 1)))
    return ChangedCoverage((file_change_coverage("pkg/mod.py", ((1, changed),), run, [], 10),))


def test_no_condition_no_problem_but_the_summary_shows_the_figures() -> None:
    coverage = _change(10, 7)
    assert coverage_problems(coverage, [], GateSettings()) == []
    text = "\n".join(coverage_text_lines(coverage))
    assert "7 of 10 changed statements covered by the tests (70 %)" in text
    assert "not covered: pkg/mod.py lines 8-10" in text
    assert "pkg/mod.py" in "\n".join(coverage_markdown_lines(coverage))


def test_below_the_minimum_fails_and_names_the_lines() -> None:
    problems = coverage_problems(_change(10, 7), [], GateSettings(min_changed_coverage=80))
    assert [(p.finding.rule, p.level, p.finding.line) for p in problems] == [("CH508", ERROR, 8)]
    assert "lines 8-10" in problems[0].finding.message
    assert "the whole change: 7 of 10 changed statements covered (70 %, minimum 80 %)" in (
        problems[0].finding.message
    )


def test_above_the_minimum_the_untested_lines_are_a_warning() -> None:
    problems = coverage_problems(_change(10, 9), [], GateSettings(min_changed_coverage=80))
    assert [(p.finding.rule, p.level) for p in problems] == [("CH508", WARNING)]


def test_one_untested_line_in_a_complex_function_fails_a_high_percentage() -> None:
    run = _run(range(1, 101), set(range(1, 100)))  # 99 % of the change ran
    tangled = _fn("tangled", 90, 100, cyclomatic=12)
    file = file_change_coverage("a.py", ((1, 100),), run, [tangled], 10)
    policy = GateSettings(min_changed_coverage=80, max_uncovered_complex_lines=0)
    problems = coverage_problems(ChangedCoverage((file,)), [], policy)
    assert [(p.level, p.finding.line) for p in problems] == [(ERROR, 100)]
    assert "1 untested in complex functions (at most 0)" in problems[0].finding.message


def test_a_change_without_executable_lines_passes() -> None:
    run = _run(range(1, 5), set())
    file = file_change_coverage("a.py", ((10, 12),), run, [], 10)  # comments only
    coverage = ChangedCoverage((file,))
    assert coverage.percent is None
    assert coverage_problems(coverage, [], GateSettings(min_changed_coverage=80)) == []


def test_a_function_whose_coverage_fell_fails_with_both_figures() -> None:
    was = FunctionCoverage("parse", 1, 10, 3, 10, 10)
    now = FunctionCoverage("parse", 1, 14, 4, 10, 14)
    same = FunctionCoverage("other", 20, 30, 1, 5, 5)
    fallen = fallen_functions({"parse": was, "other": same}, [now, same])
    assert fallen == [(was, now)]
    problems = coverage_problems(ChangedCoverage(()), [("a.py", was, now)], GateSettings())
    assert [(p.finding.rule, p.level) for p in problems] == [("CH509", ERROR)]
    assert "coverage fell 100 % → 71 % (10 of 10 → 10 of 14 statements)" in (
        problems[0].finding.message
    )


def test_new_functions_and_functions_without_statements_are_not_compared() -> None:
    empty = FunctionCoverage("stub", 1, 2, 1, 0, 0)
    new = FunctionCoverage("fresh", 5, 9, 1, 0, 4)
    assert fallen_functions({"stub": empty}, [empty, new]) == []
