"""Test coverage as values: which statements of a file ran, which branches were taken.

The data is read, never produced: the project's own test run writes it (coverage.py's
``.coverage``, Cobertura ``coverage.xml``, LCOV) and ``adapters.coverage`` reads it.

Semantics every user of these values relies on:

- A project file missing from the data is *uncovered* (none of its statements ran), not
  unknown: coverage.py leaves out files that were never imported. Its statements come from
  parsing it. A file coverage.py's settings leave out of the measurement (``[run] omit``,
  outside ``[run] source``) has no figure (``unmeasured``).
- A file whose data is stale (older than the source, or naming lines beyond its end) is
  *unknown*: it is left out of ``CoverageData.files`` and named in ``stale``; no figure is
  shown for it rather than a wrong one.
- A function (or file) without statements has no coverage figure (``None``), not 0 %.
- Branch figures exist only when the data has branch information (``has_branches``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, NamedTuple


class BranchCount(NamedTuple):
    """The exits of one branching line (``if``, loop, ``case``) and how many were taken."""

    total: int
    taken: int


@dataclass(frozen=True, slots=True)
class FileCoverage:
    """One file's coverage. Line numbers are 1-based; ``executed`` is a subset of
    ``statements``; ``branches`` maps a branching line to its exits."""

    path: str
    statements: frozenset[int]
    executed: frozenset[int]
    branches: Mapping[int, BranchCount] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CoverageData:
    """The coverage of a project, joined to its files (paths relative to the root, '/').

    ``source`` is the data file it came from, ``format`` one of ``FORMATS``, ``created`` the
    data's time (seconds since the epoch) when known. ``files`` holds every measured
    project file, those the data does not name as uncovered. ``stale`` names project files
    whose data cannot be trusted, ``unmeasured`` those coverage.py's settings leave out
    (neither has a figure); ``notes`` says what the reader ignored.
    """

    files: Mapping[str, FileCoverage]
    source: str
    format: str
    created: float | None = None
    has_branches: bool = False
    stale: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    unmeasured: frozenset[str] = frozenset()

    def of(self, path: str) -> FileCoverage | None:
        """The coverage of a project file; None when its data is stale (unknown), when it
        is not measured, or when it was not part of the join."""
        return self.files.get(path)


FORMATS = ("coverage.py", "cobertura", "lcov")


@dataclass(frozen=True, slots=True)
class MeasuredFile:
    """One file as a coverage data file names it, before it is joined to the project.

    coverage.py's ``.coverage`` stores only what ran (``executed``, and ``arcs`` when it
    measured branches): ``statements`` and ``branches`` are None and come from parsing the
    source. Cobertura and LCOV list every statement and branch, run or not.
    """

    path: str
    executed: frozenset[int]
    arcs: frozenset[tuple[int, int]] | None = None
    statements: frozenset[int] | None = None
    branches: Mapping[int, BranchCount] | None = None


@dataclass(frozen=True, slots=True)
class RawCoverage:
    """A coverage data file as read. ``roots``: the folders its relative paths start from
    (Cobertura's ``<source>``); ``contexts``: coverage.py's measured contexts (test names
    with ``--cov-context=test``), ``""`` being the default one."""

    source: str
    format: str
    files: tuple[MeasuredFile, ...]
    created: float | None = None
    has_branches: bool = False
    roots: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()


class CodeShape(NamedTuple):
    """What coverage.py counts in a file, from parsing it (``metrics.code_shape``):
    ``statements``, their first lines; ``first_line``: another line of a multi-line
    statement -> its first line; ``exits``: a branching line -> its number of exits;
    ``always_taken``: branching lines marked ``# pragma: no branch``, whose exits count as
    taken (as coverage.py never reports them missing); ``own_exits``: one-line definitions
    (``def f(): return 1``), whose line is also their body's exit: an arc from a line to
    minus itself is a branch exit there, elsewhere that of a generator expression or lambda
    on the line, which coverage.py does not count."""

    statements: frozenset[int]
    first_line: Mapping[int, int]
    exits: Mapping[int, int]
    always_taken: frozenset[int] = frozenset()
    own_exits: frozenset[int] = frozenset()


class Ratio(NamedTuple):
    """``covered`` of ``total`` (statements or branch exits)."""

    covered: int
    total: int

    @property
    def rate(self) -> float | None:
        """The covered share in [0, 1]; None when there is nothing to cover."""
        return self.covered / self.total if self.total else None

    def __add__(self, other: object) -> Ratio:
        if not isinstance(other, Ratio):
            return NotImplemented
        return Ratio(self.covered + other.covered, self.total + other.total)


NOTHING = Ratio(0, 0)


class SpanCoverage(NamedTuple):
    """Line and branch coverage of a span of lines (a function, a file, a package)."""

    lines: Ratio
    branches: Ratio

    @property
    def rate(self) -> float | None:
        """coverage.py's total: (executed statements + taken exits) / (statements + exits);
        None when the span has no statements."""
        if not self.lines.total:
            return None
        both = self.lines + self.branches
        return both.covered / both.total

    def __add__(self, other: object) -> SpanCoverage:
        if not isinstance(other, SpanCoverage):
            return NotImplemented
        return SpanCoverage(self.lines + other.lines, self.branches + other.branches)


EMPTY_SPAN = SpanCoverage(NOTHING, NOTHING)


def file_coverage_span(data: FileCoverage) -> SpanCoverage:
    """The coverage of a whole file."""
    branches = data.branches.values()
    return SpanCoverage(
        Ratio(len(data.executed & data.statements), len(data.statements)),
        Ratio(sum(b.taken for b in branches), sum(b.total for b in branches)),
    )


def span_coverage(data: FileCoverage, first: int, last: int) -> SpanCoverage:
    """The coverage of lines ``first``..``last`` (a function: ``lineno``..``end_lineno``):
    the statements in the span and the branches whose branching line is in it."""
    statements = [line for line in data.statements if first <= line <= last]
    executed = data.executed
    ran = sum(1 for line in statements if line in executed)
    total = taken = 0
    for line, count in data.branches.items():
        if first <= line <= last:
            total += count.total
            taken += count.taken
    return SpanCoverage(Ratio(ran, len(statements)), Ratio(taken, total))


def function_coverage(data: FileCoverage, lineno: int, end_lineno: int) -> SpanCoverage:
    """The coverage of a function's body: the lines after its ``def`` line up to its end.
    The ``def`` line (and its decorators) ran when the module was imported, so it is not
    the function's, as in coverage.py's own per-function report; a nested function's
    lines count in its parent's figure too."""
    return span_coverage(data, lineno + 1, end_lineno)


class SpanIndex:
    """A file's coverage prepared for many span queries (one per function): each query
    costs two binary searches instead of a walk over the file's statements."""

    __slots__ = ("_branch_lines", "_exits", "_lines", "_ran", "_taken")

    def __init__(self, data: FileCoverage) -> None:
        self._lines = sorted(data.statements)
        executed = data.executed
        self._ran = [0, *accumulate(map(executed.__contains__, self._lines))]  # True = 1
        self._branch_lines = sorted(data.branches)
        counts = [data.branches[line] for line in self._branch_lines]
        self._exits = [0, *accumulate(count.total for count in counts)]
        self._taken = [0, *accumulate(count.taken for count in counts)]

    def span(self, first: int, last: int) -> SpanCoverage:
        """``span_coverage`` of lines ``first``..``last``."""
        low, high = bisect_left(self._lines, first), bisect_right(self._lines, last)
        b_low = bisect_left(self._branch_lines, first)
        b_high = bisect_right(self._branch_lines, last)
        return SpanCoverage(
            Ratio(self._ran[high] - self._ran[low], high - low),
            Ratio(
                self._taken[b_high] - self._taken[b_low], self._exits[b_high] - self._exits[b_low]
            ),
        )

    def function(self, lineno: int, end_lineno: int) -> SpanCoverage:
        """``function_coverage``: the lines after the ``def`` line."""
        return self.span(lineno + 1, end_lineno)


def folder_coverage(spans: Iterable[tuple[str, SpanCoverage]]) -> dict[str, SpanCoverage]:
    """The coverage of every folder (``"a/b"``) above the given files, summed over all the
    files beneath it; ``""`` is the whole project."""
    folders: dict[str, SpanCoverage] = {}
    for path, span in spans:
        parts = path.split("/")[:-1]
        for depth in range(len(parts) + 1):
            folder = "/".join(parts[:depth])
            folders[folder] = folders.get(folder, EMPTY_SPAN) + span
    return folders


def crap(cyclomatic: int, coverage: float) -> float:
    """CRAP (Savoia and Evans, 2007): ``cc**2 * (1 - coverage)**3 + cc``, coverage in [0, 1].
    A fully tested function scores its complexity; an untested one its complexity squared
    plus it. 30 is the usual limit."""
    uncovered = 1.0 - min(max(coverage, 0.0), 1.0)
    return cyclomatic * cyclomatic * uncovered**3 + cyclomatic


def crap_risk(cyclomatic: int, coverage: SpanCoverage) -> float | None:
    """The CRAP score of a function from its coverage; None without a coverage figure."""
    rate = coverage.rate
    return None if rate is None else crap(cyclomatic, rate)


def percent(rate: float | None) -> str:
    """A rate as coverage.py prints it (``87%``), ``-`` without a figure."""
    return "-" if rate is None else f"{rate * 100:.0f}%"


def span_figures(span: SpanCoverage | None, branches: bool) -> dict[str, Any] | None:
    """A span's figures as the JSON documents show them; None without a figure (no data,
    stale data, or no statements); ``branches`` is null when the data has no branch
    information."""
    if span is None or not span.lines.total:
        return None
    rate = span.rate
    return {
        "percent": None if rate is None else round(rate * 100, 2),
        "lines": {"covered": span.lines.covered, "total": span.lines.total},
        "branches": (
            {"covered": span.branches.covered, "total": span.branches.total} if branches else None
        ),
    }
