"""Use cases: the one place where I/O meets the pure packages."""

from codehealth.app.scan import Measured, measure_project, run_scan
from codehealth.model import ScanResult

__all__ = ["Measured", "ScanResult", "measure_project", "run_scan"]
