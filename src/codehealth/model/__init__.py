"""Frozen values shared by every package: what was measured and what was found."""

from codehealth.model.metrics import (
    ClassMetrics,
    FileMetrics,
    FunctionMetrics,
    Halstead,
    LineCounts,
    NotAnalysed,
    PackageMetrics,
    ThresholdViolation,
    maintainability_rank,
)
from codehealth.model.scan import ScanResult

__all__ = [
    "ClassMetrics",
    "FileMetrics",
    "FunctionMetrics",
    "Halstead",
    "LineCounts",
    "NotAnalysed",
    "PackageMetrics",
    "ScanResult",
    "ThresholdViolation",
    "maintainability_rank",
]
