"""Lazy package exports (PEP 562), shared by the packages' ``__init__`` files.

A package names its exports in ``__all__`` and in a table of where each is defined; a name
is imported when first used, so a command pays only for its own machinery at start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, where: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The package's ``__getattr__`` and ``__dir__``: ``where`` maps an exported name to the
    module that defines it; the first lookup binds the name in ``namespace`` (the package's
    globals), so later lookups do not come here."""

    def getattr_(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted(namespace["__all__"])

    return getattr_, dir_
