"""The gate's compare on constructed snapshots: what fails, what is only shown, and what each
message says. Every case is a difference seen when replaying real merged commits
(bench/REPLAY_RESULTS.md), or a planted regression that must keep failing."""

from __future__ import annotations

from dataclasses import replace

from codehealth.core import (
    ChangedFile,
    Finding,
    FunctionMetrics,
    GateSettings,
    Halstead,
    Settings,
)
from codehealth.gate.report import ERROR, WARNING
from codehealth.gate.snapshot import FileState, Snapshot
from codehealth.gate.verdict import compare

_NO_HALSTEAD = Halstead(0, 0, 0, 0, 0.0, 0.0, 0.0)
SETTINGS = Settings(root=".")
STRICT = replace(SETTINGS, gate=GateSettings(strictness="strict"))


def _fn(name: str, cyclomatic: int = 1, cognitive: int = 0, lines: int = 10) -> FunctionMetrics:
    return FunctionMetrics(
        name, name, 10, 9 + lines, False, False, cyclomatic, cognitive, 0, 1, 1, 1, _NO_HALSTEAD
    )


def _finding(rule: str, minutes: float, message: str, fp: str, symbol: str = "f") -> Finding:
    return Finding(
        rule, "pkg/mod.py", 10, message, remediation_minutes=minutes, symbol=symbol, fingerprint=fp
    )


def _verdict(
    before: FileState, after: FileState, settings: Settings = SETTINGS, path: str = "pkg/mod.py"
) -> list[tuple[str, str, str]]:
    before, after = replace(before, path=path), replace(after, path=path)
    report = compare(
        Snapshot("base", {path: before}),
        Snapshot("head", {path: after}),
        [ChangedFile("M", path, path)],
        settings,
    )
    return [(p.finding.rule, p.level, p.finding.message) for p in report.problems]


def _state(functions: tuple[FunctionMetrics, ...] = (), *findings: Finding) -> FileState:
    return FileState("pkg/mod.py", functions, tuple(findings))


def test_one_line_more_in_a_long_function_is_not_a_debt_rise() -> None:
    # pytest e739014f38: a 124-line function got one line longer, CH105 18.8 -> 19.0 min
    before = _state((_fn("f", lines=124),), _finding("CH105", 18.8, "f: lines 124 > 80", "a"))
    after = _state((_fn("f", lines=125),), _finding("CH105", 19.0, "f: lines 125 > 80", "a"))
    assert _verdict(before, after) == []
    strict = _verdict(before, after, STRICT)
    assert [(rule, level) for rule, level, _ in strict] == [("CH502", ERROR)]
    assert "+0.2 min" in strict[0][2]  # the difference is visible


def test_a_function_that_grew_a_lot_fails_naming_the_finding() -> None:
    before = _state((_fn("f", lines=90),), _finding("CH105", 10.0, "f: lines 90 > 80", "a"))
    after = _state((_fn("f", lines=200),), _finding("CH105", 60.0, "f: lines 200 > 80", "a"))
    [(rule, level, message)] = _verdict(before, after)
    assert (rule, level) == ("CH502", ERROR)
    assert "10 min → 60 min (+50 min)" in message
    assert "`f: lines 200 > 80` (was `f: lines 90 > 80`, +50 min)" in message


def test_a_growth_under_the_share_of_a_large_files_debt_passes() -> None:
    big = _finding("CH101", 900.0, "g: cyclomatic 40 > 10", "big", symbol="g")
    before = _state((), big, _finding("CH105", 10.0, "f: lines 90 > 80", "a"))
    after = _state((), big, _finding("CH105", 30.0, "f: lines 190 > 80", "a"))
    assert _verdict(before, after) == []  # +20 min is 2 % of 15 h


def test_a_rise_made_of_new_findings_is_reported_once() -> None:
    todo = _finding("CH201", 15.0, "TODO: later", "t", symbol="")
    assert _verdict(_state(), _state((), todo)) == [("CH201", ERROR, "TODO: later")]


def test_an_edited_def_line_keeps_the_finding() -> None:
    # the fingerprint holds the def line's text; a new parameter changed it
    before = _state(
        (_fn("f", 12),), _finding("CH101", 4.0, "f: cyclomatic complexity 12 > 10", "a")
    )
    after = _state((_fn("f", 12),), _finding("CH101", 4.0, "f: cyclomatic complexity 12 > 10", "b"))
    assert _verdict(before, after) == []


def test_small_rise_above_the_threshold_warns_and_a_real_one_fails() -> None:
    # pytest 224e9ef867: ApproxTimedelta.__init__ 19 -> 20; wagtail 4f57d589dd: serve 18 -> 23
    small = _verdict(_state((_fn("f", 19),)), _state((_fn("f", 20),)))
    assert [(r, lvl) for r, lvl, _ in small] == [("CH501", WARNING)]
    assert "rose 19 → 20 (already above the threshold 10; fails from a rise of 3)" in small[0][2]
    real = _verdict(_state((_fn("f", 13),)), _state((_fn("f", 16),)))
    assert [(r, lvl) for r, lvl, _ in real] == [("CH501", ERROR)]
    assert [
        lvl for _, lvl, _ in _verdict(_state((_fn("f", 19),)), _state((_fn("f", 20),)), STRICT)
    ] == [ERROR]


def test_rise_within_the_threshold_warns_and_strict_fails_it_beyond_the_step() -> None:
    # pytest 532b20103e: OptionGroup.addoption cognitive 1 -> 12, still within 15
    assert _verdict(_state((_fn("f", 2),)), _state((_fn("f", 5),)), STRICT) == []
    [(rule, level, message)] = _verdict(_state((_fn("f", 2),)), _state((_fn("f", 6),)))
    assert (rule, level) == ("CH501", WARNING)
    assert "rose 2 → 6 (a rise of more than 3, still within the threshold 10)" in message
    [(rule, level, _)] = _verdict(_state((_fn("f", 2),)), _state((_fn("f", 6),)), STRICT)
    assert (rule, level) == ("CH501", ERROR)


def test_tests_are_judged_as_tests() -> None:
    path = "t/unit/test_rpc.py"  # celery's layout
    finding = _finding("CH101", 2.0, "test_x: cyclomatic complexity 11 > 10", "a", "test_x")
    assert _verdict(_state(), _state((), finding), path=path) == [
        ("CH101", WARNING, "test_x: cyclomatic complexity 11 > 10")
    ]
    assert _verdict(_state((_fn("f", 2),)), _state((_fn("f", 9),)), path=path) == []
    gated = replace(SETTINGS, tests=replace(SETTINGS.tests, gate=True))
    assert [lvl for _, lvl, _ in _verdict(_state(), _state((), finding), gated, path)] == [ERROR]
    lint = _finding("ruff:F821", 1.0, "undefined name", "l")
    assert [lvl for _, lvl, _ in _verdict(_state(), _state((), lint), path=path)] == [ERROR]


def test_specific_suppressions_warn_and_blanket_ones_fail() -> None:
    specific = _finding("CH206", 5.0, "`# noqa: E402` suppresses lint", "s", "")
    typed = _finding("CH209", 5.0, "`# type: ignore[arg-type]` silences one", "t", "")
    blanket = _finding("CH205", 10.0, "blanket `# noqa` suppresses all lint", "b", "")
    levels = {r: lvl for r, lvl, _ in _verdict(_state(), _state((), specific, typed, blanket))}
    assert levels == {"CH206": WARNING, "CH209": WARNING, "CH205": ERROR}
    strict = {r: lvl for r, lvl, _ in _verdict(_state(), _state((), specific, typed), STRICT)}
    assert strict == {"CH206": ERROR, "CH209": ERROR, "CH502": ERROR}


def test_require_improvement_fails_a_file_that_paid_nothing() -> None:
    debt = _finding("CH201", 15.0, "TODO: later", "t", "")
    settings = replace(SETTINGS, gate=GateSettings(require_improvement=True))
    [(rule, level, message)] = _verdict(_state((), debt), _state((), debt), settings)
    assert (rule, level) == ("CH503", ERROR) and "carries 15 min of debt" in message
    assert _verdict(_state((), debt), _state(), settings) == []


def test_a_marker_moved_into_another_function_is_not_new() -> None:
    # wagtail 4f57d589dd moved a FIXME into a nested function: its symbol changed
    moved = _finding("CH202", 30.0, "FIXME: size", "a", symbol="serve")
    after = replace(moved, symbol="serve.serve_local", fingerprint="b")
    assert _verdict(_state((), moved), _state((), after)) == []
    second = replace(after, fingerprint="c", line=40)
    assert [r for r, _, _ in _verdict(_state((), moved), _state((), after, second))] == ["CH202"]
