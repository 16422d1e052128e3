"""The public-API rule and declared dependencies, applied to one import statement at a time."""

from __future__ import annotations

from dataclasses import dataclass

from codehealth.boundaries.api import PublicApi
from codehealth.boundaries.modules import Owners, is_within
from codehealth.boundaries.statements import ImportTarget
from codehealth.core import Finding, Reference, Violation

PRIVATE_SUBMODULE = "CH301"
PRIVATE_NAME = "CH302"
UNEXPORTED_NAME = "CH303"
UNDECLARED_DEPENDENCY = "CH304"
BROKEN_CONTRACT = "CH305"
MODULE_CYCLE = "CH306"
DYNAMIC_PRIVATE_IMPORT = "CH307"
UNUSED_IGNORE = "CH308"
IGNORE_WITHOUT_REASON = "CH309"
BOUNDARY_RULES = tuple(f"CH30{n}" for n in range(1, 10))


@dataclass(frozen=True)
class ApiContext:
    """What the checks need to know about the project."""

    owners: Owners
    apis: dict[str, PublicApi]  # module -> its public API
    known_modules: frozenset[str]  # every module (file or package) in the import graph
    public: dict[str, frozenset[str]]  # module -> extra public submodules
    depends_on: dict[str, tuple[str, ...] | None]
    init_paths: dict[str, str]  # module -> path of its __init__.py


def check_statement(
    context: ApiContext,
    importer: str,
    targets: list[ImportTarget],
    where: tuple[str, int, str],
    dynamic: bool = False,
) -> list[Violation]:
    """Violations of one statement; ``where`` is (path, line, enclosing symbol)."""
    found: dict[tuple[str, str], Violation] = {}
    for target in targets:
        for violation in _check_target(context, importer, target, where, dynamic):
            rule = violation.finding.rule
            key = violation.module if rule == UNDECLARED_DEPENDENCY else violation.target
            found.setdefault((rule, key), violation)
    return list(found.values())


def _check_target(
    context: ApiContext,
    importer: str,
    target: ImportTarget,
    where: tuple[str, int, str],
    dynamic: bool,
) -> list[Violation]:
    full, name = target.module, target.name
    if name not in (None, "*") and f"{full}.{name}" in context.known_modules:
        full, name = f"{full}.{name}", None
    owner = context.owners(full)
    if owner is None:
        return []
    shown = full if name in (None, "*") else f"{full}.{name}"
    found = _dependency(context, (importer, owner, shown), where)
    if is_within(importer, owner):
        return found
    verdict = _verdict(context, owner, full, name, dynamic)
    if verdict is not None:
        rule, message, fix = verdict
        path, line, symbol = where
        finding = Finding(
            rule, path, line, f"`{importer}` imports `{shown}`: {message}", symbol=symbol, fix=fix
        )
        found.append(Violation(finding, importer, shown, owner))
    return found


def _verdict(
    context: ApiContext, owner: str, full: str, name: str | None, dynamic: bool
) -> tuple[str, str, str] | None:
    api = context.apis.get(owner)
    # No path: a PEP 420 namespace package, with no __init__.py to export through.
    init = context.init_paths.get(owner, "")
    if full != owner:
        return _into_submodule(context, (owner, full, name), api, init, dynamic)
    if name in (None, "*") or api is None or _dunder(name):
        return None
    assert name is not None
    if api.declared_all and name in api.names:
        return None
    if _private(name):
        return PRIVATE_NAME, f"`{name}` is private to `{owner}`", _private_fix(name, init)
    if api.declared_all:
        return (
            UNEXPORTED_NAME,
            f"`{name}` is not in `{owner}.__all__`",
            f"add `{name}` to `__all__` in `{init}`, or import a name it exports",
        )
    return None


def _public_submodule(context: ApiContext, owner: str, first: str, api: PublicApi | None) -> bool:
    if f"{owner}.{first}" in context.public.get(owner, frozenset()):
        return True
    return api is not None and first in api.names


def _into_submodule(
    context: ApiContext,
    target: tuple[str, str, str | None],
    api: PublicApi | None,
    init: str,
    dynamic: bool,
) -> tuple[str, str, str] | None:
    """An import of ``full`` (below module ``owner``), of ``name`` when one is named."""
    owner, full, name = target
    first = full[len(owner) + 1 :].split(".")[0]
    if not _public_submodule(context, owner, first, api):
        verdict = _around_the_api(context, (owner, first, name), api, init)
        if verdict is not None:
            rule, message, fix = verdict
            return (DYNAMIC_PRIVATE_IMPORT if dynamic else rule), message, fix
    if name and _private(name):
        return PRIVATE_NAME, f"`{name}` is private to `{full}`", _private_fix(name, owner)
    return None


def _around_the_api(
    context: ApiContext, target: tuple[str, str, str | None], api: PublicApi | None, init: str
) -> tuple[str, str, str] | None:
    """A submodule is closed when its name says it is private or its module is declared in
    [tool.codehealth.modules]; otherwise only a name the module re-exports from it must come
    through the module. A submodule the ``__init__.py`` never re-exports from is a public
    module in its own right (``celery.utils.log``, every app of a Django project), and so
    are the names a re-exported-from submodule holds besides the re-exported ones."""
    owner, first, name = target
    submodule = f"{owner}.{first}"
    exported = name not in (None, "*") and api is not None and name in api.names
    if first.startswith("_") or owner in context.public:
        return _closed(owner, first, name if exported else None, init)
    if api is None or first not in api.reexports:
        return None
    if exported:
        message = f"`{owner}` exports `{name}`; this goes around its API into `{submodule}`"
        return PRIVATE_SUBMODULE, message, f"import `{name}` from `{owner}`"
    if name in (None, "*"):  # the whole submodule, whose names the module re-exports
        message = f"`{owner}` re-exports from `{submodule}`; this goes around its API"
        return PRIVATE_SUBMODULE, message, f"import what you need from `{owner}`"
    return None


def _closed(owner: str, first: str, exported: str | None, init: str) -> tuple[str, str, str]:
    """A closed submodule; ``exported``: the imported name when the module exports it."""
    submodule = f"{owner}.{first}"
    kind = "a private submodule of" if first.startswith("_") else "not exported by"
    if exported:
        fix = f"import `{exported}` from `{owner}`"
    elif not init:
        fix = f"declare `{submodule}` public for `{owner}` in [tool.codehealth.modules]"
    else:
        fix = f"export it in `{init}` (or declare `{submodule}` public)"
    return PRIVATE_SUBMODULE, f"`{submodule}` is {kind} module `{owner}`", fix


def _private(name: str) -> bool:
    return name.startswith("_") and not _dunder(name)


def _dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__") and len(name) > 4


def _private_fix(name: str, where: str) -> str:
    return f"export `{name}` under a public name in `{where}`, or use a public name"


def check_reference(context: ApiContext, reference: Reference, symbol: str) -> list[Violation]:
    """Declared dependencies applied to a reference no import shows (a string naming another
    app's model, a URL conf, a settings path, a literal dynamic import)."""
    owner = context.owners(reference.target)
    if owner is None:
        return []
    crossing = (reference.importer, owner, reference.target)
    return _dependency(context, crossing, (reference.path, reference.line, symbol), reference)


def _dependency(
    context: ApiContext,
    crossing: tuple[str, str, str],
    where: tuple[str, int, str],
    reference: Reference | None = None,
) -> list[Violation]:
    """``crossing``: the importer, the module it reaches and the name it imports (or the
    module a ``reference`` names)."""
    importer, owner, shown = crossing
    source = context.owners(importer)
    if source is None or is_within(owner, source) or is_within(source, owner):
        return []
    allowed = context.depends_on.get(source)
    if allowed is None or any(is_within(owner, module) for module in allowed):
        return []
    path, line, symbol = where
    listed = ", ".join(f"`{m}`" for m in allowed) or "nothing"
    finding = Finding(
        UNDECLARED_DEPENDENCY,
        path,
        line,
        f"`{source}` depends on `{owner}` ({_how(importer, shown, reference)}), "
        f"which its depends_on does not list ({listed})",
        symbol=symbol,
        fix=f"add `{owner}` to depends_on of `{source}` in [tool.codehealth.modules], "
        f"or remove the {'import' if reference is None else 'reference'}",
    )
    return [Violation(finding, importer, shown, owner)]


def _how(importer: str, shown: str, reference: Reference | None) -> str:
    if reference is None:
        return f"`{importer}` imports `{shown}`"
    return f"`{importer}` names `{shown}` by a {reference.kind} `{reference.text}`"
