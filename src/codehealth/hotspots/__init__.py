"""``codehealth hotspots``: change frequency against complexity and debt, with change
coupling, ownership, code age and the truck factor."""

from typing import TYPE_CHECKING, Any

from codehealth.hotspots.commit_log import (
    CommitLog as CommitLog,
)
from codehealth.hotspots.report import (
    HotspotsReport as HotspotsReport,
)

if TYPE_CHECKING:
    from codehealth.hotspots.run import (
        HotspotsOptions as HotspotsOptions,
    )
    from codehealth.hotspots.run import (
        Mined as Mined,
    )
    from codehealth.hotspots.run import (
        run_hotspots as run_hotspots,
    )

_RUN = ("HotspotsOptions", "Mined", "run_hotspots")


def __getattr__(name: str) -> Any:
    """The use case is imported when first asked for: the gate reads the cached commit log
    on every commit and never measures the project's debt."""
    if name in _RUN:
        from codehealth.hotspots import run

        return getattr(run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CommitLog",
    "HotspotsOptions",
    "HotspotsReport",
    "Mined",
    "run_hotspots",
]
