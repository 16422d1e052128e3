"""``importlib.import_module(...)`` and ``__import__(...)`` calls whose module name is known
without running the code: a literal, or constant-folded (``"a" + ".b"``, ``"%s.b" % A``, a
module-level constant ``NAME = "a.b"``, an f-string of constants). Pure: values in, values out.

A call whose name is computed at run time (a variable, a parameter, a call) is not
understood, and said so: the dependency it makes cannot be seen (deptry #780).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from codehealth.boundaries.syntax import without_lazy
from codehealth.core import DYNAMIC_IMPORT, Reference
from codehealth.core.module_names import resolve_relative

_FUNCTIONS = ("import_module", "__import__")


def dynamic_references(
    module: str, path: str, content: bytes, package: str
) -> tuple[list[Reference], list[str]]:
    """The ``DYNAMIC_IMPORT`` references of ``module`` (file ``path``, in ``package``: the
    package itself for an ``__init__.py``), and a note for each call whose module name is
    not a constant. A file that does not parse has none (and one note)."""
    try:
        tree = ast.parse(without_lazy(content))
    except (SyntaxError, ValueError, RecursionError) as error:
        return [], [f"{path}: dynamic imports not read, the file does not parse ({error})"]
    text = content.decode("utf-8", "replace")
    references: list[Reference] = []
    notes: list[str] = []
    for call, target in dynamic_targets(tree, module, package):
        written = ast.get_source_segment(text, call.args[0]) or ""
        if target is None:
            name = called_name(call.func)
            notes.append(
                f"{path}:{call.lineno}: {name}({written}) not understood: the module name is "
                "not a constant"
            )
        else:
            references.append(Reference(path, call.lineno, module, target, DYNAMIC_IMPORT, written))
    return references, notes


def dynamic_targets(
    tree: ast.Module, module: str, package: str
) -> Iterator[tuple[ast.Call, str | None]]:
    """Each ``import_module``/``__import__`` call with a module name, and the module it
    imports (None when the name, or the package of a relative name, is not a constant)."""
    constants = module_constants(tree, module, package)
    for call in import_calls(tree):
        name = fold(call.args[0], constants)
        if name is None or not name.startswith("."):
            yield call, name or None
            continue
        anchor = _package_argument(call, constants)
        level = len(name) - len(name.lstrip("."))
        yield call, resolve_relative(anchor, level, name.lstrip(".") or None) if anchor else None


def import_calls(tree: ast.Module) -> Iterator[ast.Call]:
    """Every call of ``import_module``/``__import__`` (by name or attribute) with a first
    argument."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and called_name(node.func) in _FUNCTIONS:
            yield node


def module_constants(tree: ast.Module, module: str = "", package: str = "") -> dict[str, str]:
    """The module-level names bound once to a string that folds to a constant (in order,
    so one constant may use another); ``__name__`` and ``__package__`` when known."""
    constants = {"__name__": module, "__package__": package} if module else {}
    bound = _bindings(tree)
    for node in tree.body:
        target, value = _assigned(node)
        if target is None or value is None or bound.get(target) != 1:
            continue
        folded = fold(value, constants)
        if folded is not None:
            constants[target] = folded
    return constants


def _bindings(tree: ast.Module) -> dict[str, int]:
    """How many times each name is bound anywhere (assigned, deleted, a parameter): a name
    bound more than once is not a constant, whatever scope rebinds it."""
    bound: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bound[node.id] = bound.get(node.id, 0) + 1
        elif isinstance(node, ast.arg):
            bound[node.arg] = bound.get(node.arg, 0) + 1
    return bound


def _assigned(node: ast.stmt) -> tuple[str | None, ast.expr | None]:
    """(name, value) of ``NAME = value`` / ``NAME: str = value``; (None, None) otherwise."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        if isinstance(target, ast.Name):
            return target.id, node.value
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id, node.value
    return None, None


def fold(node: ast.expr, constants: dict[str, str]) -> str | None:
    """The string ``node`` always evaluates to, when made only of constants: literals,
    ``+`` of strings, ``%s`` formatting, f-strings without format specifications, and
    ``constants``."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.BinOp):
        return _fold_operation(node, constants)
    if isinstance(node, ast.JoinedStr):
        parts = [_fold_part(value, constants) for value in node.values]
        return None if None in parts else "".join(p for p in parts if p is not None)
    return None


def _fold_operation(node: ast.BinOp, constants: dict[str, str]) -> str | None:
    """``a + b`` of strings, or ``%s`` formatting."""
    if isinstance(node.op, ast.Mod):
        return _fold_percent(node, constants)
    if not isinstance(node.op, ast.Add):
        return None
    left, right = fold(node.left, constants), fold(node.right, constants)
    return None if left is None or right is None else left + right


def _fold_percent(node: ast.BinOp, constants: dict[str, str]) -> str | None:
    """``"%s.%s" % (A, "b")`` with only ``%s`` placeholders and constant values."""
    template = fold(node.left, constants)
    items = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
    values = [fold(item, constants) for item in items]
    if template is None or None in values or template.replace("%s", "").count("%"):
        return None
    if template.count("%s") != len(values):
        return None
    return template % tuple(values)


def _fold_part(node: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.FormattedValue):
        plain = node.format_spec is None and node.conversion in (-1, ord("s"))
        return fold(node.value, constants) if plain else None
    return fold(node, constants)


def _package_argument(call: ast.Call, constants: dict[str, str]) -> str | None:
    """The constant ``package`` of ``import_module(name, package)`` (``__import__``'s second
    argument is its globals, not a package)."""
    for keyword in call.keywords:
        if keyword.arg == "package":
            return fold(keyword.value, constants)
    if len(call.args) > 1 and called_name(call.func) == "import_module":
        return fold(call.args[1], constants)
    return None


def called_name(function: ast.expr) -> str:
    """The called name's last part: ``importlib.import_module`` -> ``import_module``."""
    if isinstance(function, ast.Name):
        return function.id
    if isinstance(function, ast.Attribute):
        return function.attr
    return ""
