"""Linters as subprocesses: ruff (always) and flake8 (when the project uses it) -> hits."""

from codehealth.lint.flake8 import flake8_configured, parse_flake8, prepare_flake8
from codehealth.lint.ruff import DEFAULT_SELECT, parse_ruff, prepare_ruff, ruff_configs
from codehealth.lint.run import LintResult, Pending
from codehealth.lint.tool import LintTool, LintUnavailable

__all__ = [
    "DEFAULT_SELECT",
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
