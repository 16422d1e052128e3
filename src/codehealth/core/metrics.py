"""Facts about source code: the values the metrics engine produces.

The per-function records are NamedTuples rather than dataclasses: a warm scan of a large
project rebuilds tens of thousands of them from the cache, and tuples build ~3x faster.
Both are immutable values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Halstead(NamedTuple):
    """Halstead counts and derived measures, with radon's operator/operand rules."""

    distinct_operators: int
    distinct_operands: int
    operators: int
    operands: int
    volume: float
    difficulty: float
    effort: float


class LineCounts(NamedTuple):
    """Line counts of one file (or a sum of files).

    total = source + comment + docstring + blank. ``logical`` is the number of statements.
    """

    total: int
    source: int
    logical: int
    comment: int
    docstring: int
    blank: int


class FunctionMetrics(NamedTuple):
    """One function or method.

    ``cyclomatic`` is radon's definition (its ``cc_visit`` value for the same block);
    ``cognitive`` is SonarSource's, as sonar-python computes it for a function
    (nested functions are included in their parent's value).
    """

    name: str
    qualname: str
    lineno: int
    end_lineno: int
    is_method: bool
    is_nested: bool
    cyclomatic: int
    cognitive: int
    max_nesting: int
    parameters: int
    statements: int
    returns: int
    halstead: Halstead

    @property
    def length(self) -> int:
        return self.end_lineno - self.lineno + 1


class ClassMetrics(NamedTuple):
    """One class: radon's class complexity and the cognitive complexity of its body."""

    name: str
    qualname: str
    lineno: int
    end_lineno: int
    cyclomatic: int
    cognitive: int
    methods: int

    @property
    def length(self) -> int:
        return self.end_lineno - self.lineno + 1


@dataclass(frozen=True, slots=True)
class FileMetrics:
    """Everything measured in one file. ``path`` is relative to the project root, with '/'."""

    path: str
    lines: LineCounts
    cyclomatic: int
    cognitive: int
    maintainability: float
    halstead: Halstead
    functions: tuple[FunctionMetrics, ...]
    classes: tuple[ClassMetrics, ...]

    @property
    def maintainability_rank(self) -> str:
        return maintainability_rank(self.maintainability)


@dataclass(frozen=True, slots=True)
class NotAnalysed:
    """A file that could not be analysed, and why (rule CH000)."""

    path: str
    reason: str
    rule: str = "CH000"


@dataclass(frozen=True, slots=True)
class PackageMetrics:
    """A package (a folder with ``__init__.py``), summed over every file beneath it."""

    name: str
    path: str
    files: int
    functions: int
    lines: LineCounts
    cyclomatic: int
    cognitive: int
    maintainability: float
    worst_function: str | None
    worst_cognitive: int

    @property
    def maintainability_rank(self) -> str:
        return maintainability_rank(self.maintainability)


def maintainability_rank(score: float) -> str:
    """radon's ranks: A above 19, B above 9, C otherwise."""
    if score > 19:
        return "A"
    if score > 9:
        return "B"
    return "C"


@dataclass(frozen=True, slots=True)
class ThresholdViolation:
    """A measure beyond its configured limit. ``symbol`` is None for a file-level measure."""

    path: str
    symbol: str | None
    line: int
    metric: str
    value: float
    limit: float
