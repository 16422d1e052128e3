"""The hotspots report: every history analysis of one run, as one value."""

from __future__ import annotations

from dataclasses import dataclass

from codehealth.history import Coupling, Ownership, TruckFactor
from codehealth.hotspots.ranking import HotFile, HotFunction


@dataclass(frozen=True, slots=True)
class HotspotsReport:
    window: str
    commits: int  # non-merge commits read (all of history)
    window_commits: int  # of them, by people, touching kept files, inside the window
    authors: int
    files: tuple[HotFile, ...]  # changed in the window, hottest first
    functions: tuple[HotFunction, ...]  # inside the hotspot files, hottest first
    coupling: tuple[Coupling, ...]
    ownership: tuple[Ownership, ...]  # every file that exists today, least owned first
    truck_factor: TruckFactor
    module_truck_factors: tuple[TruckFactor, ...]
    renames: int  # renamed names followed
    truncated: int  # >0: a shallow clone, history cut after this many commits
    notes: tuple[str, ...]

    @property
    def hotspots(self) -> tuple[HotFile, ...]:
        return tuple(row for row in self.files if row.hotspot)
