"""Module boundaries (pure): public APIs, the public-API rule, cycles, ignores.

It takes import edges and source bytes and returns values; the import graph is built and
contracts are run in ``codehealth.app``.

Each name is imported from its module when first used (PEP 562): the gate reads one file's
boundary facts (``file_facts``) on every run, which must not cost the whole analysis. To
add a name, add it to ``_LAZY``, to the TYPE_CHECKING imports and to ``__all__``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codehealth.lazy import lazy_exports

if TYPE_CHECKING:
    from codehealth.boundaries.analysis import Analysis, ProjectFacts, analyse
    from codehealth.boundaries.api import PublicApi, parse_public_api, resolve_relative
    from codehealth.boundaries.check import (
        BOUNDARY_RULES,
        BROKEN_CONTRACT,
        DYNAMIC_PRIVATE_IMPORT,
        IGNORE_WITHOUT_REASON,
        MODULE_CYCLE,
        PRIVATE_NAME,
        PRIVATE_SUBMODULE,
        UNDECLARED_DEPENDENCY,
        UNEXPORTED_NAME,
        UNUSED_IGNORE,
    )
    from codehealth.boundaries.cycles import find_cycles, summarise_modules
    from codehealth.boundaries.facts import FileFacts, file_facts
    from codehealth.boundaries.ignores import apply_ignores
    from codehealth.boundaries.modules import (
        ModuleMap,
        Owners,
        default_modules,
        is_test_module,
        is_within,
        make_module_map,
    )
    from codehealth.boundaries.statements import (
        InlineIgnore,
        enclosing_symbol,
        relative_beyond_top,
    )

_LAZY = {
    **dict.fromkeys(("Analysis", "ProjectFacts", "analyse"), "analysis"),
    **dict.fromkeys(("PublicApi", "parse_public_api", "resolve_relative"), "api"),
    **dict.fromkeys(
        (
            "BOUNDARY_RULES",
            "BROKEN_CONTRACT",
            "DYNAMIC_PRIVATE_IMPORT",
            "IGNORE_WITHOUT_REASON",
            "MODULE_CYCLE",
            "PRIVATE_NAME",
            "PRIVATE_SUBMODULE",
            "UNDECLARED_DEPENDENCY",
            "UNEXPORTED_NAME",
            "UNUSED_IGNORE",
        ),
        "check",
    ),
    **dict.fromkeys(("find_cycles", "summarise_modules"), "cycles"),
    **dict.fromkeys(("FileFacts", "file_facts"), "facts"),
    "apply_ignores": "ignores",
    **dict.fromkeys(
        (
            "ModuleMap",
            "Owners",
            "default_modules",
            "is_test_module",
            "is_within",
            "make_module_map",
        ),
        "modules",
    ),
    **dict.fromkeys(("InlineIgnore", "enclosing_symbol", "relative_beyond_top"), "statements"),
}

__all__ = [
    "BOUNDARY_RULES",
    "BROKEN_CONTRACT",
    "DYNAMIC_PRIVATE_IMPORT",
    "IGNORE_WITHOUT_REASON",
    "MODULE_CYCLE",
    "PRIVATE_NAME",
    "PRIVATE_SUBMODULE",
    "UNDECLARED_DEPENDENCY",
    "UNEXPORTED_NAME",
    "UNUSED_IGNORE",
    "Analysis",
    "FileFacts",
    "InlineIgnore",
    "ModuleMap",
    "Owners",
    "ProjectFacts",
    "PublicApi",
    "analyse",
    "apply_ignores",
    "default_modules",
    "enclosing_symbol",
    "file_facts",
    "find_cycles",
    "is_test_module",
    "is_within",
    "make_module_map",
    "parse_public_api",
    "relative_beyond_top",
    "resolve_relative",
    "summarise_modules",
]


__getattr__, __dir__ = lazy_exports(
    __name__, {name: f"codehealth.boundaries.{module}" for name, module in _LAZY.items()}, globals()
)
