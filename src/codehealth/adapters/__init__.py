"""TODO docstring for codehealth.adapters."""

from codehealth.adapters.history_db import (
    HistoryStore as HistoryStore,
)

__all__ = [
    "HistoryStore",
]
