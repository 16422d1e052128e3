"""A module's interface from its source: the names an ``__init__.py`` exports and the
signatures of the functions and classes a module defines at top level."""

from __future__ import annotations

import ast
import warnings
from dataclasses import dataclass


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
    if isinstance(source, ast.Module):
        tree = source
    else:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
    bound: list[str] = []
    declared: list[str] | None = None
    signatures: list[tuple[str, str]] = []
    origins: list[tuple[str, str, str]] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            bound.append(node.name)
            signatures.append((node.name, _signature(node)))
        elif isinstance(node, ast.ClassDef):
            bound.append(node.name)
            signatures.append((node.name, _class_signature(node)))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name == "*":
                    continue
                name = alias.asname or alias.name.split(".")[0]
                bound.append(name)
                if isinstance(node, ast.ImportFrom):
                    module = "." * node.level + (node.module or "")
                    origins.append((name, module, alias.name))
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            declared = _all(node, declared)
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            bound.extend(t.id for t in targets if isinstance(t, ast.Name))
    if declared is not None:
        exports = frozenset(declared)
    else:
        exports = frozenset(name for name in bound if not name.startswith("_"))
    return Interface(
        exports,
        tuple(sorted(signatures)),
        tuple(sorted(o for o in origins if o[0] in exports)),
    )


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
