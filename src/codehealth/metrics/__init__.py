"""Pure metrics: source bytes in, FileMetrics out; package sums and threshold checks."""

from codehealth.metrics.analyze import (
    METRICS_VERSION,
    analyze_module,
    analyze_source,
    maintainability_index,
)
from codehealth.metrics.rollup import (
    check_thresholds,
    package_names,
    sum_lines,
    summarise_packages,
)

__all__ = [
    "METRICS_VERSION",
    "analyze_module",
    "analyze_source",
    "check_thresholds",
    "maintainability_index",
    "package_names",
    "sum_lines",
    "summarise_packages",
]
