"""``codehealth debt``: findings priced in hours, per module, file and project, with an A-E
rating."""

from codehealth.debt.complexity import (
    complexity_findings as complexity_findings,
)
from codehealth.debt.locate import (
    finish_file as finish_file,
)
from codehealth.debt.markers import (
    find_markers as find_markers,
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
from codehealth.debt.run import (
    DebtOptions as DebtOptions,
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
    "complexity_findings",
    "find_markers",
    "finish_file",
    "load_catalogue",
    "measure_debt",
    "module_names",
    "run_debt",
]
