"""The terminal: exit codes, guarded command bodies, output and progress bars (click)."""

from codehealth.adapters.console.common import (
    EXIT_FOUND as EXIT_FOUND,
)
from codehealth.adapters.console.common import (
    EXIT_OK as EXIT_OK,
)
from codehealth.adapters.console.common import (
    EXIT_USAGE as EXIT_USAGE,
)
from codehealth.adapters.console.common import (
    config_option as config_option,
)
from codehealth.adapters.console.common import (
    coverage_option as coverage_option,
)
from codehealth.adapters.console.common import (
    from_here as from_here,
)
from codehealth.adapters.console.common import (
    guarded as guarded,
)
from codehealth.adapters.console.common import (
    stdout_is_terminal as stdout_is_terminal,
)
from codehealth.adapters.console.common import (
    table_width as table_width,
)
from codehealth.adapters.console.common import (
    terminal_width as terminal_width,
)
from codehealth.adapters.console.common import (
    verbose_option as verbose_option,
)
from codehealth.adapters.console.common import (
    write as write,
)
from codehealth.adapters.console.option_groups import (
    Measuring as Measuring,
)
from codehealth.adapters.console.option_groups import (
    grouped as grouped,
)
from codehealth.adapters.console.option_groups import (
    measuring_options as measuring_options,
)
from codehealth.adapters.console.option_groups import (
    with_coverage_file as with_coverage_file,
)
from codehealth.adapters.console.progress import (
    progress_bar as progress_bar,
)
from codehealth.adapters.project import project_root as project_root

__all__ = [
    "Measuring",
    "measuring_options",
    "with_coverage_file",
    "config_option",
    "coverage_option",
    "EXIT_FOUND",
    "EXIT_OK",
    "EXIT_USAGE",
    "from_here",
    "grouped",
    "guarded",
    "progress_bar",
    "project_root",
    "stdout_is_terminal",
    "table_width",
    "terminal_width",
    "verbose_option",
    "write",
]
