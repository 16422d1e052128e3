"""The "leave it cleaner" gate: base vs head comparison, the baseline ratchet and the
verdict. Pure: it compares values; ``codehealth.app.run_gate`` collects them.

The baseline's names are imported when first used (PEP 562): ``gate --base``/``--staged``
(pre-commit) never read a baseline. To add one, add it to ``_BASELINE``, to the
TYPE_CHECKING imports and to ``__all__``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codehealth.lazy import lazy_exports

if TYPE_CHECKING:
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
from codehealth.gate.signal import lenient_tests, new_finding
from codehealth.gate.snapshot import FileState, FindingCollector, Snapshot
from codehealth.gate.verdict import Touched, compare

_BASELINE = frozenset(
    (
        "BASELINE_FORMAT",
        "BASELINE_HEADER",
        "Baseline",
        "BaselineError",
        "Entry",
        "Update",
        "entry_of",
        "format_baseline",
        "parse_baseline",
        "split_by_baseline",
        "update_baseline",
    )
)

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
    "lenient_tests",
    "new_finding",
    "parse_baseline",
    "split_by_baseline",
    "update_baseline",
]


__getattr__, __dir__ = lazy_exports(
    __name__, dict.fromkeys(_BASELINE, "codehealth.gate.baseline"), globals()
)
