"""Settings of ``codehealth boundaries``: modules, allowed imports and contracts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DEFAULT_TEST_PATTERNS = ("tests", "test", "testing", "test_*", "*_test", "conftest")


@dataclass(frozen=True, slots=True)
class ModuleDecl:
    """A module declared in ``[tool.codehealth.modules]``.

    ``depends_on`` None means any dependency is allowed; ``public`` lists submodules (dotted,
    absolute) that are part of the module's API besides what ``__init__.py`` exports.
    """

    name: str
    depends_on: tuple[str, ...] | None = None
    public: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AllowEntry:
    """An allowed import, from ``[[tool.codehealth.boundaries.allow]]``; globs on dotted names."""

    importer: str
    target: str
    reason: str
    rule: str = ""


@dataclass(frozen=True, slots=True)
class BoundarySettings:
    """``[tool.codehealth.boundaries]``, ``[tool.codehealth.modules]`` and
    ``[[tool.codehealth.contracts]]`` (import-linter's contract fields, unchanged)."""

    root_packages: tuple[str, ...] = ()  # empty: every package found in the source roots
    allow_type_checking: bool = False
    # Imports used only in annotations (under `from __future__ import annotations`) count
    # as type-checking imports: left out with them (import-linter #384).
    annotations_are_type_only: bool = False
    exclude_tests: bool = True
    test_patterns: tuple[str, ...] = DEFAULT_TEST_PATTERNS
    modules: tuple[ModuleDecl, ...] = ()
    allow: tuple[AllowEntry, ...] = ()
    contracts: tuple[Mapping[str, Any], ...] = ()
    # The contracts of [[tool.codehealth.contracts]] see the references no import shows
    # (Django's strings, literal dynamic imports): off, as lint-imports cannot see them.
    include_string_references: bool = False
