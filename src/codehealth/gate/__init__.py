"""The "leave it cleaner" gate: base vs head comparison, the baseline ratchet and the
verdict. Pure: it compares values; ``codehealth.app.run_gate`` collects them."""

from codehealth.gate.baseline import (
    BASELINE_FORMAT,
    BASELINE_HEADER,
    Baseline,
    BaselineError,
    Entry,
    Update,
    entry_of,
    format_baseline,
    parse_baseline,
    split_by_baseline,
    update_baseline,
)
from codehealth.gate.interface import Interface, interface_of
from codehealth.gate.report import (
    API_CHANGE,
    DEBT_ROSE,
    ERROR,
    LARGE_CHANGE,
    NOT_CLEANER,
    REGRESSION,
    STALE_BASELINE,
    STOPPED_PARSING,
    WARNING,
    FileSummary,
    GateReport,
    Problem,
)
from codehealth.gate.snapshot import FileState, FindingCollector, Snapshot
from codehealth.gate.verdict import Touched, compare

__all__ = [
    "API_CHANGE",
    "BASELINE_FORMAT",
    "BASELINE_HEADER",
    "DEBT_ROSE",
    "ERROR",
    "LARGE_CHANGE",
    "NOT_CLEANER",
    "REGRESSION",
    "STALE_BASELINE",
    "STOPPED_PARSING",
    "WARNING",
    "Baseline",
    "BaselineError",
    "Entry",
    "FileState",
    "FileSummary",
    "FindingCollector",
    "GateReport",
    "Interface",
    "Problem",
    "Snapshot",
    "Touched",
    "Update",
    "compare",
    "entry_of",
    "format_baseline",
    "interface_of",
    "parse_baseline",
    "split_by_baseline",
    "update_baseline",
]
