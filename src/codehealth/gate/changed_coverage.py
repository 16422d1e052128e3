"""Coverage of the lines a change wrote (diff-cover's question) and of the functions it
touched, from one coverage run of the head. Pure.

A percentage averaged over the diff hides one untested branch among trivial lines
(diff-cover #619), so the uncovered changed lines are kept as ranges and counted, also
inside complex functions, and each condition is judged on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from codehealth.core import (
    FileCoverage,
    Finding,
    FunctionMetrics,
    GateSettings,
    LineRanges,
    fingerprint,
    function_coverage,
)
from codehealth.gate.report import (
    CHANGED_UNTESTED,
    COVERAGE_FELL,
    ERROR,
    WARNING,
    GateReport,
    Problem,
    with_problems,
)


@dataclass(frozen=True, slots=True)
class FunctionCoverage:
    """A touched function: its statements covered, of all of them (its body's, as the
    scan's per-function figure counts them)."""

    qualname: str
    lineno: int
    end_lineno: int
    cyclomatic: int
    covered: int
    statements: int

    @property
    def percent(self) -> float | None:
        return 100.0 * self.covered / self.statements if self.statements else None


@dataclass(frozen=True, slots=True)
class FileChangeCoverage:
    """One touched file: its changed statements, those covered, the uncovered ones as
    ranges, and the uncovered ones inside complex functions."""

    path: str
    changed: int
    covered: int
    uncovered: LineRanges
    uncovered_in_complex: int
    functions: tuple[FunctionCoverage, ...]


@dataclass(frozen=True, slots=True)
class ChangedCoverage:
    """The whole change. ``unmeasured``: touched files the coverage data does not hold (a
    file in the project but not in the data counts as not covered at all)."""

    files: tuple[FileChangeCoverage, ...]
    unmeasured: tuple[str, ...] = ()

    @property
    def changed(self) -> int:
        return sum(f.changed for f in self.files)

    @property
    def covered(self) -> int:
        return sum(f.covered for f in self.files)

    @property
    def uncovered_in_complex(self) -> int:
        return sum(f.uncovered_in_complex for f in self.files)

    @property
    def percent(self) -> float | None:
        """None when the change wrote no executable line: nothing to judge."""
        return 100.0 * self.covered / self.changed if self.changed else None


def as_ranges(lines: Iterable[int]) -> LineRanges:
    """Sorted line numbers folded into inclusive ranges: 3, 4, 5, 9 -> (3, 5), (9, 9)."""
    ranges: list[tuple[int, int]] = []
    for line in sorted(set(lines)):
        if ranges and line == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], line)
        else:
            ranges.append((line, line))
    return tuple(ranges)


def ranges_text(ranges: LineRanges) -> str:
    """``12-14, 20``: what a reviewer reads."""
    return ", ".join(f"{a}-{b}" if b > a else str(a) for a, b in ranges)


def file_change_coverage(
    path: str,
    changed: LineRanges,
    run: FileCoverage,
    functions: Sequence[FunctionMetrics],
    complex_above: int,
) -> FileChangeCoverage:
    """``changed``: the ranges the change wrote in the file at head. Functions over
    ``complex_above`` (the cyclomatic threshold) are the complex ones."""
    written = {line for first, last in changed for line in range(first, last + 1)}
    changed_statements = written & run.statements
    missed = changed_statements - run.executed
    touched = [fn for fn in functions if _overlaps(fn, changed)]
    complex_lines = {
        line
        for fn in touched
        if fn.cyclomatic > complex_above
        for line in range(fn.lineno, fn.end_lineno + 1)
    }
    return FileChangeCoverage(
        path,
        len(changed_statements),
        len(changed_statements) - len(missed),
        as_ranges(missed),
        len(missed & complex_lines),
        tuple(function_coverage_of(fn, run) for fn in touched),
    )


def _overlaps(fn: FunctionMetrics, changed: LineRanges) -> bool:
    return any(first <= fn.end_lineno and last >= fn.lineno for first, last in changed)


def function_coverage_of(fn: FunctionMetrics, run: FileCoverage) -> FunctionCoverage:
    lines = function_coverage(run, fn.lineno, fn.end_lineno).lines
    return FunctionCoverage(
        fn.qualname, fn.lineno, fn.end_lineno, fn.cyclomatic, lines.covered, lines.total
    )


def fallen_functions(
    base: Mapping[str, FunctionCoverage], head: Iterable[FunctionCoverage]
) -> list[tuple[FunctionCoverage, FunctionCoverage]]:
    """(base, head) of each touched function whose share of covered statements fell;
    matched by qualified name, functions new at head are not compared."""
    fallen = []
    for now in head:
        was = base.get(now.qualname)
        if was is None or was.percent is None or now.percent is None:
            continue
        if now.percent < was.percent - 1e-9:
            fallen.append((was, now))
    return fallen


def coverage_problems(
    coverage: ChangedCoverage,
    fallen: Sequence[tuple[str, FunctionCoverage, FunctionCoverage]],
    policy: GateSettings,
) -> list[Problem]:
    """CH508 for each touched file with untested changed statements, when a condition on
    them fails (an error) or is set and holds (a warning: a reviewer still sees where);
    none without a condition. CH509 for each touched function whose coverage fell."""
    problems = [_fell(path, was, now) for path, was, now in fallen]
    minimum, complex_limit = policy.min_changed_coverage, policy.max_uncovered_complex_lines
    if not minimum and complex_limit is None:
        return problems
    level = ERROR if _fails(coverage, minimum, complex_limit) else WARNING
    why = _condition_words(coverage, minimum, complex_limit)
    problems += [
        Problem(_untested(file, why), level, "coverage")
        for file in coverage.files
        if file.uncovered
    ]
    return problems


def _fails(coverage: ChangedCoverage, minimum: int, complex_limit: int | None) -> bool:
    percent = coverage.percent
    if minimum > 0 and percent is not None and percent < minimum:
        return True
    return complex_limit is not None and coverage.uncovered_in_complex > complex_limit


def with_coverage(
    report: GateReport, coverage: ChangedCoverage, problems: Sequence[Problem]
) -> GateReport:
    """The report with the change's coverage and its problems, failures first."""
    return replace(with_problems(report, problems), coverage=coverage)


def _condition_words(coverage: ChangedCoverage, minimum: int, complex_limit: int | None) -> str:
    words = [f"{coverage.covered} of {coverage.changed} changed statements covered"]
    if coverage.percent is not None:
        words[0] += f" ({coverage.percent:.0f} %" + (f", minimum {minimum} %)" if minimum else ")")
    if complex_limit is not None:
        words.append(
            f"{coverage.uncovered_in_complex} untested in complex functions "
            f"(at most {complex_limit})"
        )
    return "; ".join(words)


def _untested(file: FileChangeCoverage, why: str) -> Finding:
    count = sum(last - first + 1 for first, last in file.uncovered)
    return Finding(
        CHANGED_UNTESTED,
        file.path,
        file.uncovered[0][0],
        f"{count} changed statement(s) not run by the tests: lines "
        f"{ranges_text(file.uncovered)}; the whole change: {why}",
        "major",
        end_line=file.uncovered[0][1],
        fix="add tests that run these lines",
        fingerprint=fingerprint(CHANGED_UNTESTED, file.path, "", "", 0),
    )


def _fell(path: str, was: FunctionCoverage, now: FunctionCoverage) -> Problem:
    finding = Finding(
        COVERAGE_FELL,
        path,
        now.lineno,
        f"{now.qualname}: coverage fell {was.percent:.0f} % → {now.percent:.0f} % "
        f"({was.covered} of {was.statements} → {now.covered} of {now.statements} statements)",
        "major",
        symbol=now.qualname,
        end_line=now.end_lineno,
        fix="add tests for the new or changed paths of the function",
        fingerprint=fingerprint(COVERAGE_FELL, path, now.qualname, "", 0),
    )
    return Problem(finding, ERROR, "coverage")
