"""``codehealth scan``: every function, class, file and package measured, and the thresholds
checked."""

from codehealth.scanning.run import (
    run_scan as run_scan,
)

__all__ = [
    "run_scan",
]
