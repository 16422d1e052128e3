"""A measured project's duplication: its files' fingerprints matched across files."""

from __future__ import annotations

from codehealth.core import Duplication, Settings
from codehealth.duplication import find_duplication
from codehealth.metrics.measure import Measured


def duplication_of(measured: Measured, settings: Settings) -> Duplication:
    """The clone groups among the analysed files (nothing when the detector is off)."""
    if not settings.duplication.enabled:
        return Duplication()
    lines = {path: metrics.lines.total for path, metrics in measured.files.items()}
    return find_duplication(measured.prints, lines, settings.duplication)
