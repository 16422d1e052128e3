"""ruff and flake8, run as processes with a timeout; their output read as rule hits."""

from codehealth.adapters.linters.flake8 import (
    prepare_flake8 as prepare_flake8,
)
from codehealth.adapters.linters.ruff import (
    prepare_ruff as prepare_ruff,
)
from codehealth.adapters.linters.run import (
    LintResult as LintResult,
)
from codehealth.adapters.linters.run import (
    Pending as Pending,
)
from codehealth.adapters.linters.tool import (
    LintTool as LintTool,
)
from codehealth.adapters.linters.tool import (
    LintUnavailable as LintUnavailable,
)

__all__ = [
    "LintResult",
    "LintTool",
    "LintUnavailable",
    "Pending",
    "prepare_flake8",
    "prepare_ruff",
]
