"""TODO docstring for codehealth.adapters.linters."""

from codehealth.adapters.linters.flake8 import (
    flake8_configured as flake8_configured,
)
from codehealth.adapters.linters.flake8 import (
    parse_flake8 as parse_flake8,
)
from codehealth.adapters.linters.flake8 import (
    prepare_flake8 as prepare_flake8,
)
from codehealth.adapters.linters.ruff import (
    parse_ruff as parse_ruff,
)
from codehealth.adapters.linters.ruff import (
    prepare_ruff as prepare_ruff,
)
from codehealth.adapters.linters.ruff import (
    ruff_configs as ruff_configs,
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
    "flake8_configured",
    "parse_flake8",
    "parse_ruff",
    "prepare_flake8",
    "prepare_ruff",
    "ruff_configs",
]
