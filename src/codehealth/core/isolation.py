"""One part of a run computed in isolation: a part that fails costs only itself.

The report, the debt and the gate each add parts (the boundaries, the history) to what
they show; a bug or an unreadable input in one part leaves a note, and the rest stands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from codehealth.core.settings import ConfigError

T = TypeVar("T")


def isolated(compute: Callable[[], T], failed: Callable[[Exception], None]) -> T | None:
    """``compute()``; or None after ``failed`` was told why. A ConfigError is the user's
    (their options or configuration) and still stops the run with exit code 2."""
    try:
        return compute()
    except ConfigError:
        raise
    except Exception as error:  # noqa: BLE001 - any failure of a part costs only that part
        failed(error)
        return None


def error_text(error: BaseException) -> str:
    """``TypeName: message``, for a note about a part that failed."""
    return f"{type(error).__name__}: {error}"
