"""What ``codehealth boundaries`` found: violations, contracts, cycles and the module graph."""

from __future__ import annotations

from dataclasses import dataclass

from codehealth.core.findings import Finding
from codehealth.core.metrics import NotAnalysed


@dataclass(frozen=True, slots=True)
class Violation:
    """A finding about one import: who imports (``importer``, a dotted module), what
    (``target``, a dotted name) and whose boundary it crosses (``module``, may be ``""``)."""

    finding: Finding
    importer: str
    target: str
    module: str = ""


@dataclass(frozen=True, slots=True)
class ImportSite:
    """One dependency of ``importer`` on ``imported`` at a file's line: an import statement,
    or (``kind`` other than ``"import"``) a reference no import shows, one of
    ``REFERENCE_KINDS``."""

    path: str
    line: int
    importer: str
    imported: str
    kind: str = "import"


# The dependencies that are not import statements, each an edge kind of its own.
MODEL_REFERENCE = "model reference"  # ForeignKey("order.Order"), sender="order.Order"
URL_INCLUDE = "URL include"  # include("shop.orders.urls")
SETTINGS_PATH = "settings path"  # MIDDLEWARE = ["shop.middleware.Basket"]
GET_MODEL = "get_model"  # apps.get_model("order", "Order")
DYNAMIC_IMPORT = "dynamic import"  # importlib.import_module("shop.plugins")
REFERENCE_KINDS = (MODEL_REFERENCE, URL_INCLUDE, SETTINGS_PATH, GET_MODEL, DYNAMIC_IMPORT)


@dataclass(frozen=True, slots=True)
class Reference:
    """A dependency that no import statement shows, found in ``path`` at ``line``: the
    module ``importer`` depends on ``target`` (a dotted module of the project, resolved),
    of one of ``REFERENCE_KINDS``; ``text`` is what the source wrote (``"order.Order"``)."""

    path: str
    line: int
    importer: str
    target: str
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class ModuleEdge:
    """``source`` depends on ``target`` (two modules) through ``imports``: import
    statements and references (``ImportSite.kind``)."""

    source: str
    target: str
    imports: tuple[ImportSite, ...]

    @property
    def kinds(self) -> dict[str, int]:
        """How many sites of each kind (``"import"`` first when there are any)."""
        counts: dict[str, int] = {}
        for site in sorted(self.imports, key=lambda s: s.kind != "import"):
            counts[site.kind] = counts.get(site.kind, 0) + 1
        return counts

    @property
    def hidden(self) -> bool:
        """No import statement shows this dependency: only references do."""
        return all(site.kind != "import" for site in self.imports)

    def describe(self) -> str:
        """``"3 imports"``, ``"2 model references"``, ``"1 import, 1 URL include"``."""
        return ", ".join(f"{n} {_plural(kind, n)}" for kind, n in self.kinds.items())


def _plural(kind: str, count: int) -> str:
    return kind if count == 1 or kind == GET_MODEL else kind + "s"


@dataclass(frozen=True, slots=True)
class Cycle:
    """A cycle between modules. ``path`` starts and ends with the same module;
    ``breakers`` are the imports (importer, imported) whose removal breaks it."""

    path: tuple[str, ...]
    edges: tuple[ModuleEdge, ...]
    breakers: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class ContractResult:
    """One import-linter contract checked. ``details`` is import-linter's own text for a broken
    contract; ``chains`` are the illegal import chains, each link ``a -> b (l.3)``."""

    name: str
    type: str
    kept: bool
    details: str = ""
    warnings: tuple[str, ...] = ()
    chains: tuple[tuple[str, ...], ...] = ()
    source: str = ""  # the configuration file it came from


@dataclass(frozen=True, slots=True)
class ModuleSummary:
    """One module: its coupling, API size and health as a unit.

    afferent = modules that import it; efferent = modules it imports;
    instability = efferent / (afferent + efferent). Extraction-ready: no inbound private
    imports and no cycles.
    """

    name: str
    path: str
    public_names: int
    declared_all: bool
    afferent: int
    efferent: int
    instability: float
    inbound_private: int
    cycles: int
    extraction_ready: bool
    depends_on: tuple[str, ...] | None = None
    note: str = ""
    # Whether its __init__.py declares an API (__all__, re-exports) or configuration does;
    # a module that declares none is a to-do: ``inbound_imports`` reach into it from outside.
    api_declared: bool = True
    inbound_imports: int = 0


@dataclass(frozen=True, slots=True)
class BoundaryReport:
    root: str
    root_packages: tuple[str, ...]
    modules: tuple[ModuleSummary, ...]
    edges: tuple[ModuleEdge, ...]
    violations: tuple[Violation, ...]
    contracts: tuple[ContractResult, ...]
    cycles: tuple[Cycle, ...]
    not_analysed: tuple[NotAnalysed, ...] = ()
    notes: tuple[str, ...] = ()
    django_settings: str = ""  # the Django settings module; "" when it is no Django project

    @property
    def failed(self) -> bool:
        return bool(self.violations) or any(not c.kept for c in self.contracts)
