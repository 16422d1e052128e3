"""``codehealth hotspots``: change frequency against complexity and debt, with change
coupling, ownership, code age and the truck factor."""

from codehealth.hotspots.commit_log import (
    CommitLog as CommitLog,
)
from codehealth.hotspots.report import (
    HotspotsReport as HotspotsReport,
)
from codehealth.hotspots.run import (
    HotspotsOptions as HotspotsOptions,
)
from codehealth.hotspots.run import (
    Mined as Mined,
)
from codehealth.hotspots.run import (
    run_hotspots as run_hotspots,
)

__all__ = [
    "CommitLog",
    "HotspotsOptions",
    "HotspotsReport",
    "Mined",
    "run_hotspots",
]
