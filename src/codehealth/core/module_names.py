"""Dotted module names: the package a module's relative imports start from, and a relative
import resolved against it."""

from __future__ import annotations


def resolve_relative(package: str, level: int, module: str | None) -> str | None:
    """``from ..x import`` seen in ``package`` (the package the code is in); None when the
    dots go past the top-level package."""
    parts = package.split(".") if package else []
    if level > len(parts):
        return None
    base = parts[: len(parts) - level + 1]
    if module:
        base.append(module)
    return ".".join(base) if base else None


def package_of(module: str, path: str) -> str:
    """The package a module's relative imports start from: itself for an ``__init__``."""
    return module if path.endswith("__init__.py") else module.rpartition(".")[0]
