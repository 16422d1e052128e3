"""The result of a scan: every file's metrics, package sums and threshold checks."""

from __future__ import annotations

from dataclasses import dataclass, field

from codehealth.core import (
    CoverageData,
    Duplication,
    FileMetrics,
    NotAnalysed,
    PackageMetrics,
    Thresholds,
    ThresholdViolation,
)


@dataclass(frozen=True, slots=True)
class ScanResult:
    """What ``codehealth scan`` found. Files are sorted by path, relative to ``root``."""

    root: str
    files: tuple[FileMetrics, ...]
    packages: tuple[PackageMetrics, ...]
    not_analysed: tuple[NotAnalysed, ...]
    violations: tuple[ThresholdViolation, ...]
    thresholds: Thresholds
    notes: tuple[str, ...]
    tests: frozenset[str] = frozenset()  # the files that are test code (marked, not hidden)
    duplication: Duplication = field(default_factory=Duplication)  # clone groups across files
    coverage: CoverageData | None = None  # the project's coverage data, when it has some
