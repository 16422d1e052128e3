"""Frozen values shared by every package: what was measured and what was found.

Findings and metrics are imported with the package (nearly every command needs them); the
boundary report, commit records and the scan result when first used (PEP 562
``__getattr__``): creating their frozen dataclasses costs start-up time that a command not
using them (the gate in pre-commit) should not pay. To add one of those, add it to
``_LAZY``, to the TYPE_CHECKING imports and to ``__all__``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codehealth.lazy import lazy_exports
from codehealth.model.findings import (
    SEVERITIES,
    Finding,
    fingerprint,
    normalise_line,
    with_fingerprints,
)
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

if TYPE_CHECKING:
    from codehealth.model.boundaries import (
        BoundaryReport,
        ContractResult,
        Cycle,
        ImportSite,
        ModuleEdge,
        ModuleSummary,
        Violation,
    )
    from codehealth.model.history import BlobChange, Change, Commit, Revision, Unreadable
    from codehealth.model.scan import ScanResult

_LAZY = {
    **dict.fromkeys(
        (
            "BoundaryReport",
            "ContractResult",
            "Cycle",
            "ImportSite",
            "ModuleEdge",
            "ModuleSummary",
            "Violation",
        ),
        "codehealth.model.boundaries",
    ),
    **dict.fromkeys(
        ("BlobChange", "Change", "Commit", "Revision", "Unreadable"), "codehealth.model.history"
    ),
    "ScanResult": "codehealth.model.scan",
}

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
    "Unreadable",
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


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals())
