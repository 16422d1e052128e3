"""The boundary findings of one buffer: ``codehealth boundaries`` on the project's cached
import graph, patched with the buffer's imports (the unsaved content stands in for the file
on disk), kept to the findings located in that file."""

from __future__ import annotations

import os

from codehealth.core import Finding, Settings


def buffer_boundaries(settings: Settings, path: str, source: bytes) -> list[Finding]:
    """The findings of ``codehealth boundaries`` in the file at ``path`` (absolute) when its
    content is ``source``; none when the file is new (not in the cached graph yet)."""
    from codehealth.adapters.imports import OverrideError
    from codehealth.boundaries import run_boundaries

    if not os.path.isfile(path):
        return []
    try:
        report = run_boundaries(settings.root, settings=settings, overrides={path: source})
    except OverrideError:  # the buffer cannot stand in for the file (e.g. a new package)
        return []
    relative = os.path.relpath(path, settings.root).replace(os.sep, "/")
    return [v.finding for v in report.violations if v.finding.path == relative]
