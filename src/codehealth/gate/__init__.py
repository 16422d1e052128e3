"""``codehealth gate`` and ``codehealth baseline``: a change may not leave what it touches
worse.

Pure core: ``snapshot``, ``verdict``, ``signal``, ``functions``, ``api``, ``interface``,
``report``; run step: ``run`` with its ``*_step`` modules and ``baseline_run``; formats
(``formats``, ``ci_formats``); the click ``command``."""

from codehealth.gate.baseline_run import (
    run_baseline as run_baseline,
)

__all__ = [
    "run_baseline",
]
