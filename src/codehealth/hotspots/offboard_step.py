"""``hotspots --offboard``: the mined history and today's files -> the knowledge at risk."""

from __future__ import annotations

from collections.abc import Sequence

from codehealth.core import Settings
from codehealth.debt import module_names
from codehealth.hotspots.offboard import (
    Offboarding,
    at_risk_files,
    at_risk_modules,
    match_leavers,
)
from codehealth.hotspots.run import Mined
from codehealth.metrics import package_names


def offboard(mined: Mined, settings: Settings, given: Sequence[str]) -> Offboarding:
    """What is lost if the authors ``given`` (names or e-mails) leave; a name that matches
    no author is a ConfigError (exit 2)."""
    leavers = match_leavers(given, mined.emails, settings.history.bots)
    leaving = {name for leaver in leavers for name in leaver.names}
    lines = {path: metrics.lines.source for path, metrics in mined.measured.files.items()}
    known = [mined.histories[path] for path in sorted(lines) if path in mined.histories]
    packages = package_names(mined.measured.discovered, settings.roots)
    modules = module_names((f.path for f in known), packages, settings.history.module_depth)
    files = at_risk_files(known, leaving, mined.report.files, lines)
    report = mined.report
    return Offboarding(
        window=report.window,
        leavers=leavers,
        files=tuple(files),
        modules=tuple(at_risk_modules(files, lines, modules)),
        total_files=len(known),
        notes=report.notes,
    )
