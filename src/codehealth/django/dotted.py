"""Dotted names: a relative import resolved, the project module a dotted string names."""

from __future__ import annotations

from collections.abc import Collection


def package_of(module: str, path: str) -> str:
    """The package a module's relative imports start from: itself for an ``__init__``."""
    if path.endswith("__init__.py"):
        return module
    return module.rpartition(".")[0]


def resolve_from(package: str, level: int, module: str | None) -> str | None:
    """``from ..x import`` seen in ``package``; None when the dots go past the top."""
    if level == 0:
        return module
    parts = package.split(".") if package else []
    if level > len(parts):
        return None
    base = parts[: len(parts) - level + 1]
    if module:
        base.append(module)
    return ".".join(base) if base else None


def named_module(dotted: str, modules: Collection[str]) -> str | None:
    """The project module ``dotted`` names: itself, or the module holding the class or
    function it ends with (``shop.middleware.Basket``); None for anything else."""
    if dotted in modules:
        return dotted
    owner, dot, _ = dotted.rpartition(".")
    if dot and owner in modules:
        return owner
    return None


def in_migrations(module: str) -> bool:
    """Whether the module is (under) a ``migrations`` package."""
    return "migrations" in module.split(".")
