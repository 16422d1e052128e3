"""codehealth: complexity, boundaries, debt and a "leave it cleaner" gate for Python code.

``import codehealth`` stays light (no click, rich or process pool) because pre-commit runs
it on every commit; :func:`scan` imports what it needs when called.
"""

# First: under `python -m codehealth`, drop the analysed folder from sys.path (nothing the
# analysed repository holds may shadow a module imported after this one).
import codehealth._startup as _startup
from codehealth.version import __version__

del _startup
TYPE_CHECKING = False  # not from typing: nothing but os and sys before the line above
if TYPE_CHECKING:
    from typing import Any

    from codehealth.metrics import ScanResult


def scan(*paths: str, root: str = ".", use_cache: bool = True, **options: "Any") -> "ScanResult":
    """Measure the project at ``root`` (or only ``paths`` in it) and return a ScanResult."""
    from codehealth.scanning import run_scan

    return run_scan(paths=paths, root=root, use_cache=use_cache, **options)


__all__ = ["__version__", "scan"]
