"""codehealth: complexity, boundaries, debt and a "leave it cleaner" gate for Python code.

``import codehealth`` stays light (no click, rich or process pool) because pre-commit runs
it on every commit; :func:`scan` imports what it needs when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from codehealth.version import __version__

if TYPE_CHECKING:
    from codehealth.app import ScanResult


def scan(*paths: str, root: str = ".", use_cache: bool = True, **options: Any) -> ScanResult:
    """Measure the project at ``root`` (or only ``paths`` in it) and return a ScanResult."""
    from codehealth.app import run_scan

    return run_scan(paths=paths, root=root, use_cache=use_cache, **options)


__all__ = ["__version__", "scan"]
