"""Technical debt (SQALE): findings priced by the cost model, aggregated, rated A to E.

Pure: no processes, databases or terminal. ``codehealth.app.run_debt`` feeds it.

The report (aggregation, ratings) is imported when first used (PEP 562): the gate prices
the findings of a few files and never builds one. To add a name of ``debt.report``, add it
to ``_REPORT``, to the TYPE_CHECKING imports and to ``__all__``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codehealth.debt.complexity import FILE_LEVEL_RULES, complexity_findings
from codehealth.debt.hits import Hit, price_lint_hits, price_rule_hits
from codehealth.debt.locate import finish_file
from codehealth.debt.markers import MARKERS_VERSION, find_markers
from codehealth.debt.modules import module_names
from codehealth.lazy import lazy_exports

if TYPE_CHECKING:
    from codehealth.debt.report import (
        RATINGS,
        Debt,
        DebtReport,
        ModuleDebt,
        Target,
        build_report,
        family_of,
        fix_first,
        rating,
    )

_REPORT = frozenset(
    (
        "RATINGS",
        "Debt",
        "DebtReport",
        "ModuleDebt",
        "Target",
        "build_report",
        "family_of",
        "fix_first",
        "rating",
    )
)

__all__ = [
    "FILE_LEVEL_RULES",
    "MARKERS_VERSION",
    "RATINGS",
    "Debt",
    "DebtReport",
    "Hit",
    "ModuleDebt",
    "Target",
    "build_report",
    "complexity_findings",
    "family_of",
    "find_markers",
    "finish_file",
    "fix_first",
    "module_names",
    "price_lint_hits",
    "price_rule_hits",
    "rating",
]


__getattr__, __dir__ = lazy_exports(
    __name__, dict.fromkeys(_REPORT, "codehealth.debt.report"), globals()
)
