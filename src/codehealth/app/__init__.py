"""Use cases: the one place where I/O meets the pure packages."""

from codehealth.app.scan import run_scan
from codehealth.model import ScanResult

__all__ = ["ScanResult", "run_scan"]
