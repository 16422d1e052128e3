"""Coverage data files: coverage.py's ``.coverage`` (through coverage.py's public API),
Cobertura XML (through defusedxml) and LCOV. The only user of ``coverage`` and ``defusedxml``."""

from codehealth.adapters.coverage.errors import (
    CoverageFileError as CoverageFileError,
)
from codehealth.adapters.coverage.found import (
    DEFAULT_FILES as DEFAULT_FILES,
)
from codehealth.adapters.coverage.found import (
    CoverageConfig as CoverageConfig,
)
from codehealth.adapters.coverage.found import (
    configured_data_file as configured_data_file,
)
from codehealth.adapters.coverage.found import (
    coverage_config as coverage_config,
)
from codehealth.adapters.coverage.found import (
    find_coverage_file as find_coverage_file,
)
from codehealth.adapters.coverage.found import (
    read_coverage_file as read_coverage_file,
)

__all__ = [
    "DEFAULT_FILES",
    "CoverageConfig",
    "CoverageFileError",
    "configured_data_file",
    "coverage_config",
    "find_coverage_file",
    "read_coverage_file",
]
