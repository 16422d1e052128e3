"""TODO docstring for codehealth.boundaries."""

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
    resolve_relative as resolve_relative,
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
from codehealth.boundaries.command import (
    boundaries as boundaries,
)
from codehealth.boundaries.facts import (
    file_facts as file_facts,
)
from codehealth.boundaries.ignores import (
    apply_ignores as apply_ignores,
)
from codehealth.boundaries.modules import (
    make_module_map as make_module_map,
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

__all__ = [
    "BOUNDARY_RULES",
    "DYNAMIC_PRIVATE_IMPORT",
    "PRIVATE_SUBMODULE",
    "ProjectFacts",
    "analyse",
    "apply_ignores",
    "boundaries",
    "file_facts",
    "make_module_map",
    "module_map",
    "not_importer",
    "parse_public_api",
    "resolve_relative",
    "root_package_folders",
    "run_boundaries",
]
