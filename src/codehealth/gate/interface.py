"""A module's interface from its source: the names an ``__init__.py`` exports and the
signatures of the functions and classes a module defines at top level."""

from __future__ import annotations

import ast
import warnings
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Interface:
    """``exports``: exactly ``__all__`` when it is a literal, else every public name the
    module binds. ``signatures``: name -> ``(args) -> returns`` of top-level functions and
    classes (a class's is its ``__init__``'s). ``origins``: exported name -> (module path
    as written, e.g. ``.stripe`` or ``shop.billing.stripe``, original name)."""

    exports: frozenset[str]
    signatures: tuple[tuple[str, str], ...] = ()
    origins: tuple[tuple[str, str, str], ...] = ()

    def signature(self, name: str) -> str | None:
        return dict(self.signatures).get(name)


def interface_of(source: bytes | ast.Module) -> Interface | None:
    """The interface of a module (its source, or its syntax tree when already parsed), or
    None when it does not parse."""
    tree = source if isinstance(source, ast.Module) else _parse(source)
    if tree is None:
        return None
    names = _Bindings()
    for node in tree.body:
        _bind(node, names)
    return names.interface()


def _parse(source: bytes) -> ast.Module | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


@dataclass(slots=True)
class _Bindings:
    """What a module's top-level statements bind, in statement order; ``declared`` is
    ``__all__`` when a literal assigns it."""

    bound: list[str] = field(default_factory=list)
    declared: list[str] | None = None
    signatures: list[tuple[str, str]] = field(default_factory=list)
    origins: list[tuple[str, str, str]] = field(default_factory=list)

    def define(self, name: str, signature: str) -> None:
        self.bound.append(name)
        self.signatures.append((name, signature))

    def interface(self) -> Interface:
        if self.declared is not None:
            exports = frozenset(self.declared)
        else:
            exports = frozenset(name for name in self.bound if not name.startswith("_"))
        return Interface(
            exports,
            tuple(sorted(self.signatures)),
            tuple(sorted(o for o in self.origins if o[0] in exports)),
        )


def _bind(node: ast.stmt, names: _Bindings) -> None:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        names.define(node.name, _signature(node))
    elif isinstance(node, ast.ClassDef):
        names.define(node.name, _class_signature(node))
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        _bind_import(node, names)
    elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        names.declared = _all(node, names.declared)
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        names.bound.extend(t.id for t in targets if isinstance(t, ast.Name))


def _bind_import(node: ast.Import | ast.ImportFrom, names: _Bindings) -> None:
    """``import a.b`` binds ``a``; ``from m import n as o`` binds ``o``, which comes from
    ``m``'s ``n`` (the module as written: ``.`` per level)."""
    for alias in node.names:
        if alias.name == "*":
            continue
        name = alias.asname or alias.name.split(".")[0]
        names.bound.append(name)
        if isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            names.origins.append((name, module, alias.name))


def _all(
    node: ast.Assign | ast.AnnAssign | ast.AugAssign, declared: list[str] | None
) -> list[str] | None:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    if not any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
        return declared
    names = _literal_names(node.value)
    if names is None:
        return declared
    if isinstance(node, ast.AugAssign):
        return [*(declared or []), *names]
    return names


def _literal_names(value: ast.expr | None) -> list[str] | None:
    if isinstance(value, (ast.List, ast.Tuple)):
        items = [e.value for e in value.elts if isinstance(e, ast.Constant)]
        return [item for item in items if isinstance(item, str)]
    return None


def _signature(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    text = f"({ast.unparse(node.args)})"
    if node.returns is not None:
        text += f" -> {ast.unparse(node.returns)}"
    return ("async " if isinstance(node, ast.AsyncFunctionDef) else "") + text


def _class_signature(node: ast.ClassDef) -> str:
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name == "__init__":
            return "class " + _signature(item)
    return "class"
