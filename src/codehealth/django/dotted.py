"""Dotted names: a relative import resolved (``package_of`` is the core's), the project
module a dotted string names."""

from __future__ import annotations

from collections.abc import Collection

from codehealth.core.module_names import package_of as package_of
from codehealth.core.module_names import resolve_relative


def resolve_from(package: str, level: int, module: str | None) -> str | None:
    """The module ``from <dots><module> import`` in ``package`` names; None past the top."""
    return resolve_relative(package, level, module) if level else module


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
