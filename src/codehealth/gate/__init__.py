"""``codehealth gate`` and ``codehealth baseline``: a change may not leave what it touches
worse.

Pure core: ``snapshot``, ``verdict``, ``signal``, ``functions``, ``api``, ``interface``,
``report``; run step: ``run`` with its ``*_step`` modules and ``baseline_run``; formats
(``formats``, ``ci_formats``); the click ``command``."""

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from codehealth.gate.baseline_run import (
    run_baseline as run_baseline,
)

if _TYPE_CHECKING:
    from codehealth.gate.report import GateReport
    from codehealth.gate.run import GateRequest, run_gate_request

# Imported when first used (PEP 562): the baseline mode never loads the change's steps.
_LAZY = {
    "GateReport": "codehealth.gate.report",
    "GateRequest": "codehealth.gate.run",
    "run_gate_request": "codehealth.gate.run",
}


def __getattr__(name: str) -> _Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(_LAZY[name]), name)
    globals()[name] = value  # the next use is a plain attribute
    return value


__all__ = [
    "GateReport",
    "GateRequest",
    "run_baseline",
    "run_gate_request",
]
