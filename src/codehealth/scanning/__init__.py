"""``codehealth scan``: every function, class, file and package measured, and the thresholds
checked."""

from codehealth.scanning.covered import (
    CoverageView as CoverageView,
)
from codehealth.scanning.run import (
    run_scan as run_scan,
)

__all__ = [
    "CoverageView",
    "run_scan",
]
