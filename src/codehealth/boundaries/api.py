"""The public API of a package: what its ``__init__.py`` binds, or exactly ``__all__``."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from codehealth.boundaries.syntax import without_lazy
from codehealth.core.module_names import resolve_relative

# module name -> its exported names (for star imports), or None when unknown
StarSource = Callable[[str], "frozenset[str] | None"]


@dataclass(frozen=True, slots=True)
class PublicApi:
    """``names`` is the API; ``bound`` every name the file binds. ``complete`` is False when a
    star import from an unknown source may bind more names. ``note`` says why the underscore
    rule was used although ``__all__`` is assigned (not a literal)."""

    names: frozenset[str]
    bound: frozenset[str]
    declared_all: bool
    complete: bool = True
    note: str = ""
    # The package's own submodules (first name below it) whose contents it re-exports: a
    # star import, a name in ``__all__``, or a name it imports and does not use itself (what
    # ruff's F401 reads as a re-export). Importing from them goes around the API.
    reexports: frozenset[str] = frozenset()

    @property
    def declared(self) -> bool:
        """The package declares an API: ``__all__``, or re-exports from its submodules."""
        return self.declared_all or bool(self.reexports)


_ALL_AT_TOP = re.compile(rb"^__all__\b", re.MULTILINE)
_ALL_INDENTED = re.compile(rb"^[ \t]+__all__\b", re.MULTILINE)


def literal_all(source: bytes) -> frozenset[str] | None:
    """``__all__`` of a module read from its ``__all__`` statements alone, without parsing the
    whole file (a star import of a 3,000-line module needs only them); None when there is no
    ``__all__``, or it is not only literals at the top level (then parse the module)."""
    starts = [m.start() for m in _ALL_AT_TOP.finditer(source)]
    if not starts or _ALL_INDENTED.search(source):
        return None
    state = _State()
    for start in starts:
        statement = _statement_at(source, start)
        if statement is None:
            return None
        _visit(statement, "", lambda _: None, state)
    if state.dynamic or state.all_names is None:
        return None
    return frozenset(state.all_names)


def _statement_at(source: bytes, start: int) -> ast.stmt | None:
    end = start
    for _ in range(200):
        end = source.find(b"\n", end + 1)
        chunk = source[start : end if end != -1 else len(source)]
        try:
            body = ast.parse(chunk).body
        except SyntaxError:
            if end == -1:
                return None
            continue
        return body[0] if len(body) == 1 else None
    return None


def parse_public_api(source: bytes, package: str, star: StarSource) -> PublicApi:
    """The API of the module whose source is given. ``package`` is the package the code is in
    (the package itself for an ``__init__.py``); SyntaxError propagates."""
    return public_api_of(ast.parse(without_lazy(source)), package, star)


def public_api_of(tree: ast.Module, package: str, star: StarSource) -> PublicApi:
    """``parse_public_api`` of a module already parsed."""
    state = _State()
    for node in _module_level(tree.body):
        _visit(node, package, star, state)
    reexports = _reexports(tree, package, state)
    public = frozenset(n for n in state.bound if not n.startswith("_"))
    if state.all_names is not None and not state.dynamic:
        names = frozenset(state.all_names)
        return PublicApi(names, frozenset(state.bound), True, True, reexports=reexports)
    note = (
        "__all__ is not a literal list: the names without a leading underscore are its API"
        if state.dynamic
        else ""
    )
    return PublicApi(
        public, frozenset(state.bound), False, state.complete, note, reexports=reexports
    )


def _reexports(tree: ast.Module, package: str, state: _State) -> frozenset[str]:
    """The submodules of ``package`` it re-exports from (see ``PublicApi.reexports``)."""
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    exported = state.all_names or set()
    found: set[str] = set()
    for node in _from_imports(tree.body):
        first = _own_submodule(node, package)
        if first is not None and _reexported(node, used, exported):
            found.add(first)
    return frozenset(found)


def _reexported(node: ast.ImportFrom, used: set[str], exported: set[str]) -> bool:
    """A star, a name in ``__all__``, or a name the module imports and never uses."""
    names = [alias.asname or alias.name for alias in node.names]
    return any(n == "*" or n in exported or n not in used for n in names)


def _from_imports(body: list[ast.stmt]) -> Iterator[ast.ImportFrom]:
    for node in _module_level(body):
        if isinstance(node, ast.ImportFrom):
            yield node


def _own_submodule(node: ast.ImportFrom, package: str) -> str | None:
    """The first name below ``package`` that ``from ... import`` reads from, if any."""
    source = resolve_relative(package, node.level, node.module) if node.level else node.module
    if not source or not package or not source.startswith(package + "."):
        return None
    return source[len(package) + 1 :].split(".")[0]


class _State:
    def __init__(self) -> None:
        self.bound: set[str] = set()
        self.all_names: set[str] | None = None
        self.dynamic = False
        self.complete = True


def _module_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements run at import time: the module body and the blocks of if/try/with/for."""
    for node in body:
        yield node
        if isinstance(node, (ast.If, ast.For, ast.While, ast.With)):
            yield from _module_level(node.body)
            yield from _module_level(getattr(node, "orelse", []))
        elif isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
            for block in ("body", "orelse", "finalbody"):
                yield from _module_level(getattr(node, block))
            for handler in getattr(node, "handlers", []):
                yield from _module_level(handler.body)


def _visit(node: ast.stmt, package: str, star: StarSource, state: _State) -> None:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        state.bound.add(node.name)
    elif isinstance(node, ast.Import):
        for alias in node.names:
            state.bound.add(alias.asname or alias.name.split(".")[0])
    elif isinstance(node, ast.ImportFrom):
        _visit_from(node, package, star, state)
    elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        _visit_assign(node, state)
    elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        _visit_all_call(node.value, state)


def _visit_from(node: ast.ImportFrom, package: str, star: StarSource, state: _State) -> None:
    source = resolve_relative(package, node.level, node.module) if node.level else node.module
    for alias in node.names:
        if alias.name != "*":
            state.bound.add(alias.asname or alias.name)
            continue
        names = star(source) if source else None
        if names is None:
            state.complete = False
        else:
            state.bound.update(names)


def _visit_assign(node: ast.Assign | ast.AnnAssign | ast.AugAssign, state: _State) -> None:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    names = [name for target in targets for name in _target_names(target)]
    state.bound.update(names)
    if "__all__" not in names:
        return
    literal = _literal_strings(node.value) if node.value is not None else None
    if literal is None:
        state.dynamic = True
    elif isinstance(node, ast.AugAssign) and state.all_names is not None:
        state.all_names.update(literal)
    else:
        state.all_names = set(literal)


def _visit_all_call(call: ast.Call, state: _State) -> None:
    func = call.func
    if not (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == "__all__"
    ):
        return
    if state.all_names is None:
        state.all_names = set()
    changes, literal = _all_call_effect(func.attr, call.args)
    if not changes:
        return
    if literal is None:
        state.dynamic = True
    else:
        state.all_names.update(literal)


def _all_call_effect(method: str, args: list[ast.expr]) -> tuple[bool, list[str] | None]:
    """What ``__all__.<method>(*args)`` does: whether it changes ``__all__``, and the names
    it adds (None: they cannot be known)."""
    if method in ("append", "extend") and len(args) == 1:
        added = ast.List(elts=[args[0]]) if method == "append" else args[0]
        return True, _literal_strings(added)
    if method in ("remove", "pop", "clear", "insert", "sort", "reverse"):
        return True, [] if method in ("sort", "reverse") else None
    return False, None


def _target_names(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in _target_names(element)]
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    return []


def _literal_strings(node: ast.expr) -> list[str] | None:
    """The strings of a list/tuple literal (or a ``+`` of such), else None."""
    if isinstance(node, (ast.List, ast.Tuple)):
        return _element_strings(node.elts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal_strings(node.left), _literal_strings(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _element_strings(elements: list[ast.expr]) -> list[str] | None:
    """The values of ``elements`` when every one is a string literal, else None."""
    values = [e.value for e in elements if isinstance(e, ast.Constant)]
    if len(values) == len(elements) and all(isinstance(v, str) for v in values):
        return [str(v) for v in values]
    return None
