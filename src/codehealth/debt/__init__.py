"""TODO docstring for codehealth.debt."""

from codehealth.debt.command import (
    debt as debt,
)
from codehealth.debt.complexity import (
    complexity_findings as complexity_findings,
)
from codehealth.debt.formats import (
    debt_document as debt_document,
)
from codehealth.debt.formats import (
    render_debt_json as render_debt_json,
)
from codehealth.debt.formats import (
    render_debt_markdown as render_debt_markdown,
)
from codehealth.debt.formats import (
    render_debt_rich as render_debt_rich,
)
from codehealth.debt.formats import (
    render_debt_text as render_debt_text,
)
from codehealth.debt.locate import (
    finish_file as finish_file,
)
from codehealth.debt.markers import (
    find_markers as find_markers,
)
from codehealth.debt.markers import (
    is_candidate as is_candidate,
)
from codehealth.debt.modules import (
    module_names as module_names,
)
from codehealth.debt.report import (
    DebtReport as DebtReport,
)
from codehealth.debt.report import (
    Target as Target,
)
from codehealth.debt.report import (
    build_report as build_report,
)
from codehealth.debt.report import (
    fix_first as fix_first,
)
from codehealth.debt.report import (
    rating as rating,
)
from codehealth.debt.run import (
    DebtOptions as DebtOptions,
)
from codehealth.debt.run import (
    debt_and_measured as debt_and_measured,
)
from codehealth.debt.run import (
    load_catalogue as load_catalogue,
)
from codehealth.debt.run import (
    measure_debt as measure_debt,
)
from codehealth.debt.run import (
    run_debt as run_debt,
)

__all__ = [
    "DebtOptions",
    "DebtReport",
    "Target",
    "build_report",
    "complexity_findings",
    "debt",
    "debt_and_measured",
    "debt_document",
    "find_markers",
    "finish_file",
    "fix_first",
    "is_candidate",
    "load_catalogue",
    "measure_debt",
    "module_names",
    "rating",
    "render_debt_json",
    "render_debt_markdown",
    "render_debt_rich",
    "render_debt_text",
    "run_debt",
]
