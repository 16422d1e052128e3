"""Frozen values shared by every package: what was measured and what was found."""

from codehealth.model.boundaries import (
    BoundaryReport,
    ContractResult,
    Cycle,
    ImportSite,
    ModuleEdge,
    ModuleSummary,
    Violation,
)
from codehealth.model.findings import (
    SEVERITIES,
    Finding,
    fingerprint,
    normalise_line,
    with_fingerprints,
)
from codehealth.model.history import BlobChange, Change, Commit, Revision
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
    "BoundaryReport",
    "ContractResult",
    "Cycle",
    "ImportSite",
    "ModuleEdge",
    "ModuleSummary",
    "Violation",
    "BlobChange",
    "Change",
    "Commit",
    "Revision",
    "SEVERITIES",
    "Finding",
    "fingerprint",
    "normalise_line",
    "with_fingerprints",
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
