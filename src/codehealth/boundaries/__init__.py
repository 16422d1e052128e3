"""``codehealth boundaries``: public APIs, import-linter contracts and cycles between modules.

Pure core: ``facts`` (one file's imports), ``analysis``, ``check``, ``cycles``, ``api``;
run step: ``run`` (with ``project`` and ``cached``); formats; the click ``command``."""

from codehealth.boundaries.analysis import (
    ProjectFacts as ProjectFacts,
)
from codehealth.boundaries.analysis import (
    analyse as analyse,
)
from codehealth.boundaries.api import (
    parse_public_api as parse_public_api,
)
from codehealth.boundaries.api import (
    public_api_of as public_api_of,
)
from codehealth.boundaries.check import (
    BOUNDARY_RULES as BOUNDARY_RULES,
)
from codehealth.boundaries.check import (
    DYNAMIC_PRIVATE_IMPORT as DYNAMIC_PRIVATE_IMPORT,
)
from codehealth.boundaries.check import (
    PRIVATE_SUBMODULE as PRIVATE_SUBMODULE,
)
from codehealth.boundaries.facts import (
    added_reference as added_reference,
)
from codehealth.boundaries.facts import (
    file_facts as file_facts,
)
from codehealth.boundaries.facts import (
    reference_strings as reference_strings,
)
from codehealth.boundaries.finish import (
    finish_violations as finish_violations,
)
from codehealth.boundaries.ignores import (
    apply_ignores as apply_ignores,
)
from codehealth.boundaries.project import (
    module_map as module_map,
)
from codehealth.boundaries.project import (
    not_importer as not_importer,
)
from codehealth.boundaries.project import (
    root_package_folders as root_package_folders,
)
from codehealth.boundaries.run import (
    run_boundaries as run_boundaries,
)
from codehealth.boundaries.syntax import (
    type_only_imports as type_only_imports,
)
from codehealth.boundaries.syntax import (
    type_only_lines as type_only_lines,
)
from codehealth.boundaries.syntax import (
    without_lazy as without_lazy,
)

__all__ = [
    "BOUNDARY_RULES",
    "DYNAMIC_PRIVATE_IMPORT",
    "PRIVATE_SUBMODULE",
    "ProjectFacts",
    "added_reference",
    "analyse",
    "apply_ignores",
    "file_facts",
    "finish_violations",
    "module_map",
    "not_importer",
    "parse_public_api",
    "public_api_of",
    "reference_strings",
    "root_package_folders",
    "run_boundaries",
    "type_only_imports",
    "type_only_lines",
    "without_lazy",
]
