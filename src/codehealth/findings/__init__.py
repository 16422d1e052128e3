"""The catalogue's rules applied to one file: complexity over its thresholds, debt markers in
its comments (TODO, noqa, type: ignore, ...), each finding located in its function and
fingerprinted. Pure: the debt, the gate, the history and the scan's check use it."""

from codehealth.findings.complexity import (
    complexity_findings as complexity_findings,
)
from codehealth.findings.coverage import (
    CRAP_RULE as CRAP_RULE,
)
from codehealth.findings.coverage import (
    crap_findings as crap_findings,
)
from codehealth.findings.duplication import (
    duplication_findings as duplication_findings,
)
from codehealth.findings.locate import (
    finish_file as finish_file,
)
from codehealth.findings.markers import (
    MARKERS_VERSION as MARKERS_VERSION,
)
from codehealth.findings.markers import (
    find_markers as find_markers,
)
from codehealth.findings.markers import (
    is_candidate as is_candidate,
)

__all__ = [
    "CRAP_RULE",
    "crap_findings",
    "MARKERS_VERSION",
    "complexity_findings",
    "duplication_findings",
    "find_markers",
    "finish_file",
    "is_candidate",
]
