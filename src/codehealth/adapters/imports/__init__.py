"""The import graph (grimp) and import-linter's contracts."""

from codehealth.adapters.imports.contracts import (
    ContractSource as ContractSource,
)
from codehealth.adapters.imports.contracts import (
    GraphKey as GraphKey,
)
from codehealth.adapters.imports.contracts import (
    Link as Link,
)
from codehealth.adapters.imports.contracts import (
    read_importlinter as read_importlinter,
)
from codehealth.adapters.imports.contracts import (
    run_contracts as run_contracts,
)
from codehealth.adapters.imports.graph import (
    GraphFiles as GraphFiles,
)
from codehealth.adapters.imports.graph import (
    build_import_graph as build_import_graph,
)
from codehealth.adapters.imports.graph import (
    cycle_breakers as cycle_breakers,
)
from codehealth.adapters.imports.graph import (
    internal_imports as internal_imports,
)
from codehealth.adapters.imports.graph import (
    list_modules as list_modules,
)
from codehealth.adapters.imports.overrides import (
    OverrideError as OverrideError,
)
from codehealth.adapters.imports.overrides import (
    Scanned as Scanned,
)
from codehealth.adapters.imports.overrides import (
    drop_imports as drop_imports,
)
from codehealth.adapters.imports.overrides import (
    drop_scanned as drop_scanned,
)
from codehealth.adapters.imports.overrides import (
    patch_graph as patch_graph,
)
from codehealth.adapters.imports.overrides import (
    scan_contents as scan_contents,
)
from codehealth.adapters.imports.overrides import (
    with_references as with_references,
)

__all__ = [
    "ContractSource",
    "GraphFiles",
    "GraphKey",
    "Link",
    "OverrideError",
    "Scanned",
    "build_import_graph",
    "cycle_breakers",
    "drop_imports",
    "drop_scanned",
    "internal_imports",
    "list_modules",
    "patch_graph",
    "read_importlinter",
    "run_contracts",
    "scan_contents",
    "with_references",
]
