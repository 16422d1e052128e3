"""Use cases: the one place where I/O meets the pure packages."""

from codehealth.app.boundaries import run_boundaries
from codehealth.app.debt import load_catalogue, run_debt
from codehealth.app.history import run_history
from codehealth.app.hotspots import Mined, run_hotspots
from codehealth.app.plan import Budget, read_budget, run_plan
from codehealth.app.scan import Measured, measure_project, run_scan
from codehealth.model import ScanResult

__all__ = [
    "Budget",
    "Measured",
    "Mined",
    "ScanResult",
    "load_catalogue",
    "measure_project",
    "run_boundaries",
    "run_debt",
    "run_history",
    "run_hotspots",
    "run_plan",
    "read_budget",
    "run_scan",
]
