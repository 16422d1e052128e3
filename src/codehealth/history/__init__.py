"""``codehealth history``: metric totals for every commit of the main line, and the history
analyses ``hotspots`` builds on (files, coupling, ownership, truck factor)."""

from typing import TYPE_CHECKING, Any

from codehealth.history.coupling import (
    Coupling as Coupling,
)
from codehealth.history.coupling import (
    change_coupling as change_coupling,
)
from codehealth.history.coupling import (
    coupling_of as coupling_of,
)
from codehealth.history.damage import (
    unreadable_notes as unreadable_notes,
)
from codehealth.history.files import (
    FileHistory as FileHistory,
)
from codehealth.history.files import (
    file_histories as file_histories,
)
from codehealth.history.lines import (
    Hunk as Hunk,
)
from codehealth.history.lines import (
    changed_scopes as changed_scopes,
)
from codehealth.history.ownership import (
    Ownership as Ownership,
)
from codehealth.history.ownership import (
    author_emails as author_emails,
)
from codehealth.history.ownership import (
    file_ownership as file_ownership,
)
from codehealth.history.ownership import (
    ranked_authors as ranked_authors,
)
from codehealth.history.renames import (
    follow_renames as follow_renames,
)
from codehealth.history.renames import (
    rename_map as rename_map,
)
from codehealth.history.select import (
    PathFilter as PathFilter,
)
from codehealth.history.select import (
    is_bot as is_bot,
)
from codehealth.history.select import (
    select_commits as select_commits,
)
from codehealth.history.trend import (
    HistoryRun as HistoryRun,
)
from codehealth.history.truck import (
    TruckFactor as TruckFactor,
)
from codehealth.history.truck import (
    truck_factors as truck_factors,
)
from codehealth.history.window import (
    window_start as window_start,
)

if TYPE_CHECKING:
    from codehealth.history.run import (
        run_history as run_history,
    )


def __getattr__(name: str) -> Any:
    """``run_history`` is imported when first asked for: the gate's review guidance reads
    the light analyses above on every commit and never mines the metric history."""
    if name == "run_history":
        from codehealth.history.run import run_history

        return run_history
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "author_emails",
    "Coupling",
    "FileHistory",
    "HistoryRun",
    "Hunk",
    "Ownership",
    "PathFilter",
    "TruckFactor",
    "change_coupling",
    "changed_scopes",
    "coupling_of",
    "file_histories",
    "file_ownership",
    "follow_renames",
    "is_bot",
    "ranked_authors",
    "rename_map",
    "run_history",
    "select_commits",
    "truck_factors",
    "unreadable_notes",
    "window_start",
]
