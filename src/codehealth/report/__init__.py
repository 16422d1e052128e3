"""TODO docstring for codehealth.report."""

from codehealth.report.command import (
    report as report,
)

__all__ = [
    "report",
]
