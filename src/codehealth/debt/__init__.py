"""``codehealth debt``: findings priced in hours, per module, file and project, with an A-E
rating."""

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
    measure_debt as measure_debt,
)
from codehealth.debt.run import (
    run_debt as run_debt,
)

__all__ = [
    "DebtOptions",
    "DebtReport",
    "Target",
    "measure_debt",
    "module_names",
    "run_debt",
]
