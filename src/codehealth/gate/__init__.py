"""TODO docstring for codehealth.gate."""

from codehealth.gate.baseline_run import (
    baseline_path as baseline_path,
)
from codehealth.gate.baseline_run import (
    read_baseline as read_baseline,
)
from codehealth.gate.baseline_run import (
    run_baseline as run_baseline,
)
from codehealth.gate.ci_formats import (
    escape_data as escape_data,
)
from codehealth.gate.ci_formats import (
    escape_property as escape_property,
)
from codehealth.gate.command import (
    baseline as baseline,
)
from codehealth.gate.command import (
    gate as gate,
)
from codehealth.gate.interface import (
    interface_of as interface_of,
)
from codehealth.gate.report import (
    ERROR as ERROR,
)
from codehealth.gate.report import (
    WARNING as WARNING,
)
from codehealth.gate.run import (
    run_gate as run_gate,
)
from codehealth.gate.snapshot import (
    FileState as FileState,
)
from codehealth.gate.snapshot import (
    Snapshot as Snapshot,
)
from codehealth.gate.verdict import (
    Touched as Touched,
)
from codehealth.gate.verdict import (
    compare as compare,
)

__all__ = [
    "ERROR",
    "FileState",
    "Snapshot",
    "Touched",
    "WARNING",
    "baseline",
    "baseline_path",
    "compare",
    "escape_data",
    "escape_property",
    "gate",
    "interface_of",
    "read_baseline",
    "run_baseline",
    "run_gate",
]
