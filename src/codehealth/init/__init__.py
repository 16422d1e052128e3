"""TODO docstring for codehealth.init."""

from codehealth.init.command import (
    init as init,
)

__all__ = [
    "init",
]
