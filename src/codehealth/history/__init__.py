"""History mining: churn, coupling, ownership, age, truck factor and hotspots.

Pure functions over commit records (``codehealth.model.Commit``); the git log stream that
produces them lives in ``codehealth.sources``. No processes, git, databases or terminal here.
"""

from codehealth.history.coupling import Coupling, change_coupling
from codehealth.history.damage import unreadable_notes
from codehealth.history.files import SECONDS_PER_MONTH, AuthorShare, FileHistory, file_histories
from codehealth.history.hotspots import (
    FileDebt,
    HotFile,
    HotFunction,
    frequency_trend,
    hotspot_cut,
    rank_files,
    rank_functions,
)
from codehealth.history.lines import Hunk, changed_scopes
from codehealth.history.ownership import Ownership, file_ownership
from codehealth.history.renames import follow_renames, rename_map
from codehealth.history.report import HotspotsReport
from codehealth.history.select import PathFilter, is_bot, select_commits
from codehealth.history.trend import (
    MEASURES,
    BlobFacts,
    HistoryRun,
    Snapshot,
    TreeTotals,
    module_of,
)
from codehealth.history.truck import (
    TruckFactor,
    degree_of_authorship,
    file_authors,
    truck_factor,
    truck_factors,
)
from codehealth.history.window import WINDOW_FORMS, window_start

__all__ = [
    "MEASURES",
    "SECONDS_PER_MONTH",
    "WINDOW_FORMS",
    "AuthorShare",
    "BlobFacts",
    "Coupling",
    "FileDebt",
    "FileHistory",
    "HotFile",
    "HotFunction",
    "HistoryRun",
    "HotspotsReport",
    "Hunk",
    "Ownership",
    "PathFilter",
    "Snapshot",
    "TreeTotals",
    "TruckFactor",
    "change_coupling",
    "changed_scopes",
    "degree_of_authorship",
    "file_authors",
    "file_histories",
    "follow_renames",
    "hotspot_cut",
    "is_bot",
    "module_of",
    "file_ownership",
    "rank_files",
    "rank_functions",
    "rename_map",
    "select_commits",
    "frequency_trend",
    "truck_factor",
    "truck_factors",
    "unreadable_notes",
    "window_start",
]
