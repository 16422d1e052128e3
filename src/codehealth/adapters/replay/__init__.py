"""Warm runs that analyse nothing: a ``scan`` or ``debt`` run whose inputs are all as they
were at an earlier run with the same arguments prints what that run printed, and exits
with its code, before click or any analysis is imported.

The inputs are checked the way git's index and ruff's cache check files, by their status
(size, modification and change times, inode): the sources and configuration files ``git
ls-files`` lists, and the others' names (outside git, those under the named paths, and each
folder's time: it changes when an entry comes or goes); the project folder's own files
(configuration, the baseline, coverage data); linter configuration up the folders and in the
user's folder; the linters' executables; the caches (a rebuilt one's warning belongs to the
run that rebuilt it); codehealth's own code. A run whose inputs changed within two seconds
of its start is not recorded: a later write in the same clock tick could leave them looking
unchanged (git's "racy" case).

Standard library only, and git run here directly: the git adapter imports the analysis
core, which costs more than the whole warm run may take.
"""

from __future__ import annotations

import os
import sys

from codehealth.adapters.replay.inputs import (
    SETTLED_NS as SETTLED_NS,
)
from codehealth.adapters.replay.inputs import (
    rechecked as rechecked,
)
from codehealth.adapters.replay.inputs import (
    replayable as replayable,
)
from codehealth.adapters.replay.inputs import (
    run_key as run_key,
)
from codehealth.adapters.replay.inputs import (
    snapshot as snapshot,
)
from codehealth.adapters.replay.record import WarmRun as WarmRun

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import IO


def warm_run(argv: list[str]) -> WarmRun | None:
    """The record for this run, or None when the command is never replayed."""
    if not replayable(argv):
        return None
    from codehealth.adapters.project import project_root

    root = project_root()
    terminal = [_terminal(sys.stdout), _terminal(sys.stderr)]
    return WarmRun(root, argv, run_key(argv, os.getcwd(), dict(os.environ), terminal))


def _terminal(stream: IO[str]) -> object:
    try:
        return os.get_terminal_size(stream.fileno()) if stream.isatty() else None
    except (AttributeError, OSError, ValueError):
        return None
