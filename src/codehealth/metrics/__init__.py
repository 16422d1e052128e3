"""The metric engine (one pass over the AST: cyclomatic, cognitive, nesting, Halstead,
maintainability) and the measurement of a project (discover, cache, measure in parallel)."""

from codehealth.metrics.analyze import (
    METRICS_VERSION as METRICS_VERSION,
)
from codehealth.metrics.analyze import (
    analyze_module as analyze_module,
)
from codehealth.metrics.analyze import (
    analyze_source as analyze_source,
)
from codehealth.metrics.coverage_step import (
    CoverageScope as CoverageScope,
)
from codehealth.metrics.coverage_step import (
    coverage_expected as coverage_expected,
)
from codehealth.metrics.coverage_step import (
    load_coverage as load_coverage,
)
from codehealth.metrics.measure import (
    Measured as Measured,
)
from codehealth.metrics.measure import (
    Progress as Progress,
)
from codehealth.metrics.measure import (
    measure_project as measure_project,
)
from codehealth.metrics.reading import (
    log as log,
)
from codehealth.metrics.records import (
    ScanResult as ScanResult,
)
from codehealth.metrics.rollup import (
    check_thresholds as check_thresholds,
)
from codehealth.metrics.rollup import (
    package_names as package_names,
)
from codehealth.metrics.rollup import (
    summarise_packages as summarise_packages,
)
from codehealth.metrics.shapes import (
    ShapeSource as ShapeSource,
)

__all__ = [
    "CoverageScope",
    "coverage_expected",
    "load_coverage",
    "METRICS_VERSION",
    "Measured",
    "Progress",
    "ScanResult",
    "analyze_module",
    "analyze_source",
    "check_thresholds",
    "ShapeSource",
    "log",
    "measure_project",
    "package_names",
    "summarise_packages",
]
