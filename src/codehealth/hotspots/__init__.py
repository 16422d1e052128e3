"""TODO docstring for codehealth.hotspots."""

from codehealth.hotspots.command import (
    hotspots as hotspots,
)
from codehealth.hotspots.ranking import (
    hotspot_cut as hotspot_cut,
)
from codehealth.hotspots.report import (
    HotspotsReport as HotspotsReport,
)
from codehealth.hotspots.run import (
    Mined as Mined,
)
from codehealth.hotspots.run import (
    run_hotspots as run_hotspots,
)

__all__ = [
    "HotspotsReport",
    "Mined",
    "hotspot_cut",
    "hotspots",
    "run_hotspots",
]
