"""From the import edges of a project and its sources to boundary violations and the module
graph. Pure: sources come through the ``read`` function it is given."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from codehealth.boundaries.api import PublicApi, literal_all, parse_public_api
from codehealth.boundaries.check import ApiContext, check_reference, check_statement
from codehealth.boundaries.dynamic import dynamic_references
from codehealth.boundaries.modules import ModuleMap, Owners, is_test_module
from codehealth.boundaries.statements import (
    ImportTarget,
    InlineIgnore,
    dynamic_candidates,
    enclosing_symbol,
    inline_ignores,
    statement_targets,
)
from codehealth.core import ImportSite, ModuleEdge, NotAnalysed, Reference, Violation
from codehealth.core.module_names import package_of

Read = Callable[[str], "bytes | None"]


def _never(path: str) -> bool:
    return False


@dataclass(frozen=True)
class ProjectFacts:
    """``files`` maps every internal module to its path (``__init__.py`` for a package);
    ``imports`` are (importer, imported, line) of every internal import."""

    files: dict[str, str]
    imports: Iterable[tuple[str, str, int]]
    read: Read
    test_patterns: tuple[str, ...] = ()
    # The modules whose dynamic imports and inline ignores are read (None: every module);
    # the gate checks only the files a change touched.
    only: frozenset[str] | None = None
    # Files whose imports are not checked (a path in, True out): tests, migrations and
    # generated code import what they need and are nobody's design.
    not_importer: Callable[[str], bool] = _never
    # The dependencies no import statement shows (Django's strings, literal dynamic imports):
    # edges of their own kind, checked against depends_on like imports.
    references: Iterable[Reference] = ()


@dataclass
class Analysis:
    apis: dict[str, PublicApi] = field(default_factory=dict)
    violations: list[Violation] = field(default_factory=list)
    edges: list[ModuleEdge] = field(default_factory=list)
    ignores: dict[str, list[InlineIgnore]] = field(default_factory=dict)
    not_analysed: list[NotAnalysed] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    lines: dict[str, list[str]] = field(default_factory=dict)  # path -> lines, files read


def analyse(facts: ProjectFacts, module_map: ModuleMap) -> Analysis:
    result = Analysis()
    texts = _Texts(facts.read)
    result.lines = texts.cache
    result.apis = _public_apis(facts, module_map, texts, result)
    owners = Owners(module_map)
    context = ApiContext(
        owners=owners,
        apis=result.apis,
        known_modules=frozenset(facts.files),
        public=module_map.public,
        depends_on=module_map.depends_on,
        init_paths={m: facts.files[m] for m in module_map.modules if m in facts.files},
    )
    _dynamic_and_ignores(facts, context, texts, result)  # before the edges, which may wait
    edges, statements = _crossings(facts, owners, module_map)
    for importer, line in statements:
        result.violations.extend(_check_line(context, facts, texts, importer, line))
    for reference in _references(facts, owners, edges):
        symbol = enclosing_symbol(texts.lines(reference.path), reference.line)
        result.violations.extend(check_reference(context, reference, symbol))
    # Sites in full order: grimp lists the names of one statement (`from a import b, c`) in
    # no fixed order, and a cycle's finding is fingerprinted by its first site's name.
    result.edges = [
        ModuleEdge(source, target, tuple(sorted(sites, key=_site_order)))
        for (source, target), sites in sorted(edges.items())
    ]
    return result


def _crossings(
    facts: ProjectFacts, owners: Owners, module_map: ModuleMap
) -> tuple[dict[tuple[str, str], list[ImportSite]], dict[tuple[str, int], None]]:
    """The imports between two modules of the map by (source, target) module, and the
    (importer, line) of each statement the public-API rule checks, in import order."""
    statements: dict[tuple[str, int], None] = {}
    edges: dict[tuple[str, str], list[ImportSite]] = {}
    for importer, imported, line in facts.imports:
        if _left_out(facts, importer):
            continue
        target_owner = owners(imported)
        if target_owner is None:
            continue
        source_owner = owners(importer)
        if source_owner != target_owner and source_owner is not None:
            site = ImportSite(facts.files[importer], line, importer, imported)
            edges.setdefault((source_owner, target_owner), []).append(site)
        if source_owner != target_owner or module_map.depends_on.get(source_owner or ""):
            statements[(importer, line)] = None
    return edges, statements


def _references(
    facts: ProjectFacts, owners: Owners, edges: dict[tuple[str, str], list[ImportSite]]
) -> list[Reference]:
    """The references between two modules of the map, added to ``edges`` as sites of their
    kind; those the checked files hold are returned for the depends_on check."""
    checked: list[Reference] = []
    for reference in facts.references:
        source, target = owners(reference.importer), owners(reference.target)
        if source is None or target is None or source == target:
            continue
        if _left_out(facts, reference.importer):
            continue
        site = ImportSite(
            reference.path, reference.line, reference.importer, reference.target, reference.kind
        )
        edges.setdefault((source, target), []).append(site)
        if facts.only is None or reference.importer in facts.only:
            checked.append(reference)
    return checked


def _left_out(facts: ProjectFacts, module: str) -> bool:
    if facts.test_patterns and is_test_module(module, facts.test_patterns):
        return True
    path = facts.files.get(module)
    return path is not None and facts.not_importer(path)


class _Texts:
    """Lines of each file, read and decoded once."""

    def __init__(self, read: Read) -> None:
        self.read = read
        self.cache: dict[str, list[str]] = {}

    def lines(self, path: str) -> list[str]:
        if path not in self.cache:
            content = self.read(path) or b""
            self.cache[path] = content.decode("utf-8", "replace").splitlines()
        return self.cache[path]


def _check_line(
    context: ApiContext, facts: ProjectFacts, texts: _Texts, importer: str, line: int
) -> list[Violation]:
    path = facts.files[importer]
    lines = texts.lines(path)
    targets = statement_targets(lines, line, package_of(importer, path))
    if not targets:
        return []
    where = (path, line, enclosing_symbol(lines, line))
    return check_statement(context, importer, targets, where)


def _public_apis(
    facts: ProjectFacts, module_map: ModuleMap, texts: _Texts, result: Analysis
) -> dict[str, PublicApi]:
    star = _StarExports(facts)
    apis: dict[str, PublicApi] = {}
    for module in module_map.modules:
        path = facts.files.get(module)
        content = facts.read(path) if path else None
        if path is None or content is None:
            continue
        try:
            apis[module] = parse_public_api(content, module, star)
        except (SyntaxError, ValueError, RecursionError) as error:
            result.not_analysed.append(NotAnalysed(path, f"does not parse: {error}"))
            continue
        if apis[module].note:
            result.notes.append(f"{path}: {apis[module].note}")
    return apis


class _StarExports:
    """Module -> the names ``from module import *`` brings (None: unknown), each module
    read once; the public APIs call it for the star imports they meet."""

    def __init__(self, facts: ProjectFacts) -> None:
        self.facts = facts
        self.exported: dict[str, frozenset[str] | None] = {}

    def __call__(self, module: str) -> frozenset[str] | None:
        if module in self.exported:
            return self.exported[module]
        self.exported[module] = None  # a star-import loop resolves to "unknown"
        path = self.facts.files.get(module)
        content = self.facts.read(path) if path else None
        if path is None or content is None:
            return None
        quick = literal_all(content)
        if quick is not None:
            self.exported[module] = quick
            return quick
        try:
            api = parse_public_api(content, package_of(module, path), self)
        except (SyntaxError, ValueError, RecursionError):
            return None
        self.exported[module] = api.names
        return api.names


def _dynamic_and_ignores(
    facts: ProjectFacts, context: ApiContext, texts: _Texts, result: Analysis
) -> None:
    for module, path in sorted(facts.files.items()):
        if facts.only is not None and module not in facts.only:
            continue
        content = facts.read(path)
        if not content:
            continue
        if b"codehealth:" in content:
            found = inline_ignores(content.decode("utf-8", "replace"))
            if found:
                result.ignores[path] = found
        if not _left_out(facts, module) and _may_cross(context, module, content):
            result.violations.extend(_dynamic_violations(context, module, path, content, texts))


def _may_cross(context: ApiContext, module: str, content: bytes) -> bool:
    """Whether ``content`` may import another module dynamically: it names the functions,
    and a literal could reach another module (else there is no need to parse it)."""
    if b"import_module" not in content and b"__import__" not in content:
        return False
    candidates = dynamic_candidates(content)
    if candidates is None:  # a name made of constants: parse to know
        return True
    return any(name.startswith(".") or _crosses(context, module, name) for name in candidates)


def _dynamic_violations(
    context: ApiContext, module: str, path: str, content: bytes, texts: _Texts
) -> list[Violation]:
    """The public-API rule applied to each dynamic import of ``module`` (none when its file
    does not parse)."""
    references, _not_understood = dynamic_references(
        module, path, content, package_of(module, path)
    )
    lines = texts.lines(path)
    found: list[Violation] = []
    for reference in references:
        line = reference.line
        where = (path, line, enclosing_symbol(lines, line))
        targets = [ImportTarget(reference.target, None)]
        found.extend(check_statement(context, module, targets, where, dynamic=True))
    return found


def _crosses(context: ApiContext, importer: str, name: str) -> bool:
    owner = context.owners(name)
    return owner is not None and not (importer == owner or importer.startswith(owner + "."))


def _site_order(site: ImportSite) -> tuple[str, int, str, str, str]:
    return (site.path, site.line, site.importer, site.imported, site.kind)
