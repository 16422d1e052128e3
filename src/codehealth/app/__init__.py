"""Use cases: the one place where I/O meets the pure packages.

Each use case is imported when first used (PEP 562 ``__getattr__``), not with the package, so
a command pays only for its own machinery: start-up stays light (DESIGN.md), and a warm
``codehealth boundaries`` does not import the scan engine or the history miner. To add a use
case, add it to ``_LAZY``, to the TYPE_CHECKING imports (read by mypy and import-linter) and
to ``__all__``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codehealth.lazy import lazy_exports

if TYPE_CHECKING:
    from codehealth.app.baselined import (
        BaselineSplit,
        accepted_fingerprints,
        checked_violations,
        split_boundaries,
        split_thresholds,
    )
    from codehealth.app.boundaries import run_boundaries
    from codehealth.app.boundaries_cache import boundaries_json, cached_boundaries_json
    from codehealth.app.debt import DebtOptions, load_catalogue, run_debt
    from codehealth.app.gate import GateRequest, run_gate, run_gate_request
    from codehealth.app.gate_baseline import BaselineRun, run_baseline, run_gate_baseline
    from codehealth.app.history import run_history
    from codehealth.app.hotspots import Mined, run_hotspots
    from codehealth.app.init import InitRun, run_init
    from codehealth.app.plan import Budget, plan_from, read_budget, run_plan
    from codehealth.app.report import ReportFacts, report_path, run_report, write_report
    from codehealth.app.scan import Measured, measure_project, run_scan
    from codehealth.model import ScanResult

_LAZY = {
    "BaselineSplit": "codehealth.app.baselined",
    "accepted_fingerprints": "codehealth.app.baselined",
    "checked_violations": "codehealth.app.baselined",
    "split_boundaries": "codehealth.app.baselined",
    "split_thresholds": "codehealth.app.baselined",
    "run_boundaries": "codehealth.app.boundaries",
    "boundaries_json": "codehealth.app.boundaries_cache",
    "cached_boundaries_json": "codehealth.app.boundaries_cache",
    "DebtOptions": "codehealth.app.debt",
    "load_catalogue": "codehealth.app.debt",
    "run_debt": "codehealth.app.debt",
    "GateRequest": "codehealth.app.gate",
    "run_gate": "codehealth.app.gate",
    "run_gate_request": "codehealth.app.gate",
    "BaselineRun": "codehealth.app.gate_baseline",
    "run_baseline": "codehealth.app.gate_baseline",
    "run_gate_baseline": "codehealth.app.gate_baseline",
    "run_history": "codehealth.app.history",
    "InitRun": "codehealth.app.init",
    "run_init": "codehealth.app.init",
    "Mined": "codehealth.app.hotspots",
    "run_hotspots": "codehealth.app.hotspots",
    "Budget": "codehealth.app.plan",
    "read_budget": "codehealth.app.plan",
    "run_plan": "codehealth.app.plan",
    "plan_from": "codehealth.app.plan",
    "ReportFacts": "codehealth.app.report",
    "report_path": "codehealth.app.report",
    "run_report": "codehealth.app.report",
    "write_report": "codehealth.app.report",
    "Measured": "codehealth.app.scan",
    "measure_project": "codehealth.app.scan",
    "run_scan": "codehealth.app.scan",
    "ScanResult": "codehealth.model",
}

__all__ = [
    "BaselineSplit",
    "accepted_fingerprints",
    "checked_violations",
    "split_boundaries",
    "split_thresholds",
    "Budget",
    "Measured",
    "Mined",
    "ScanResult",
    "boundaries_json",
    "cached_boundaries_json",
    "DebtOptions",
    "load_catalogue",
    "measure_project",
    "run_boundaries",
    "run_debt",
    "run_history",
    "InitRun",
    "run_init",
    "GateRequest",
    "run_gate",
    "run_gate_request",
    "BaselineRun",
    "run_baseline",
    "run_gate_baseline",
    "run_hotspots",
    "run_plan",
    "plan_from",
    "read_budget",
    "ReportFacts",
    "report_path",
    "run_report",
    "write_report",
    "run_scan",
]


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals())
