"""The boundary summary of the commit a shared store's history was recorded up to (the
portfolio's boundaries column): ``codehealth boundaries`` on the work tree, through its
cache, when the work tree is that commit. Its failure costs only the summary, never the
commits already recorded."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from codehealth.adapters.files import excluder
from codehealth.adapters.git import edited_since_head
from codehealth.core import Settings, error_text, skipped_folder, summarise_boundaries

if TYPE_CHECKING:  # psycopg is imported only when a shared store is used
    from codehealth.adapters.store import PostgresHistoryStore

# what the boundaries run reads besides the sources: the configuration files
_READ = (".py", ".pyi", ".toml", ".cfg", ".ini", ".importlinter")


def record_boundaries(settings: Settings, store: PostgresHistoryStore, head: str) -> list[str]:
    """Record the boundary summary of ``head`` (the commit the store's history ends at and
    the work tree's HEAD) unless it is recorded already; the notes for the reader."""
    try:
        return _record(settings, store, head)
    except Exception as error:  # noqa: BLE001 - a bad file or configuration: only the summary
        return [f"boundaries of {head[:12]} not recorded: {_one_line(error_text(error))}"]


def _record(settings: Settings, store: PostgresHistoryStore, head: str) -> list[str]:
    if store.has_boundaries(head):
        return []
    differing = _differing(settings)
    if differing:
        return [
            f"boundaries of {head[:12]} not recorded: the work tree differs from it "
            f"({differing}); record from a clean checkout"
        ]
    from codehealth.boundaries import run_boundaries

    report = run_boundaries(settings.root, settings=settings)
    store.save_boundaries(head, summarise_boundaries(report))
    return []


def _differing(settings: Settings) -> str:
    """The first file the boundaries run reads that differs from HEAD ("" when none);
    files no command reads (a virtualenv in the checkout, hidden or vendored folders) are
    not counted."""
    edited = edited_since_head(settings.root)
    if edited is None:
        return "git cannot tell"
    excluded = excluder(settings.excluded_patterns)
    read = sorted(
        path
        for path in edited
        if os.path.basename(path).endswith(_READ)
        and not excluded(path)
        and skipped_folder(path, settings.exclude_hidden, settings.exclude_vendored) is None
    )
    return read[0] + (f" and {len(read) - 1} more" if len(read) > 1 else "") if read else ""


def _one_line(text: str) -> str:
    return " ".join(text.split())
