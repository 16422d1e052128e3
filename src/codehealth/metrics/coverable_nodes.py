"""Where the parts of a statement are, for coverage.py's rules (``metrics.coverable``):
the last line of a block header, the line arcs reach a statement at, docstrings, ``elif``."""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from typing import Any


def is_constant(test: ast.expr) -> bool:
    return isinstance(test, ast.Constant) and test.value in (True, False, 0, 1)


def is_docstring(body: Sequence[ast.stmt]) -> bool:
    first = body[0] if body else None
    return (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    )


def arc_start(node: ast.stmt) -> int:
    """The line coverage.py's arcs reach a statement at (a definition's first decorator)."""
    decorators = getattr(node, "decorator_list", None)
    return decorators[0].lineno if decorators else node.lineno


def bare_annotation(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.AnnAssign) and node.value is None and isinstance(node.target, ast.Name)
    )


def is_elif(node: ast.If, block: Sequence[ast.stmt]) -> bool:
    return (
        len(block) == 1
        and isinstance(block[0], ast.If)
        and block[0].lineno > block_end(node.body, node.lineno)
    )


def header_end_before(line: int, body: Sequence[ast.stmt], lines: Sequence[str]) -> int:
    """The last line of a header whose parts end at ``line``: the line of its ``:``, the
    last line before the body that holds code (a comment line before the body, which may
    carry a pragma, is not part of the header for coverage.py)."""
    last = arc_start(body[0]) - 1 if body else line
    while last > line and _no_code(lines[last - 1] if last <= len(lines) else ""):
        last -= 1
    return max(line, last)


def _no_code(text: str) -> bool:
    stripped = text.strip()
    return not stripped or stripped.startswith("#")


def _function_header(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.AST]:
    args = node.args
    parts: list[ast.AST] = [*args.posonlyargs, *args.args, *args.kwonlyargs, *args.defaults]
    parts += [a for a in (args.vararg, args.kwarg, node.returns) if a is not None]
    return parts + [d for d in args.kw_defaults if d is not None]


# the parts of a block statement's header, by kind of statement
_HEADERS: dict[type, Callable[[Any], list[ast.AST]]] = {
    ast.If: lambda node: [node.test],
    ast.While: lambda node: [node.test],
    ast.For: lambda node: [node.target, node.iter],
    ast.AsyncFor: lambda node: [node.target, node.iter],
    ast.With: lambda node: [item.context_expr for item in node.items],
    ast.AsyncWith: lambda node: [item.context_expr for item in node.items],
    ast.Match: lambda node: [node.subject],
    ast.FunctionDef: _function_header,
    ast.AsyncFunctionDef: _function_header,
    ast.ClassDef: lambda node: [*node.bases, *node.keywords],
}


def header_end(node: ast.stmt, lines: Sequence[str]) -> int:
    """The last line of a block statement's header: its ``:`` line, after its test,
    iterable, context managers, arguments or bases (``):  # pragma: no cover`` counts)."""
    parts = _HEADERS.get(type(node), lambda node: [])(node)
    ends = [getattr(part, "end_lineno", None) or node.lineno for part in parts]
    body: list[Any] = getattr(node, "body", None) or [c.pattern for c in getattr(node, "cases", ())]
    return header_end_before(max([node.lineno, *ends]), body, lines)


def falls_through(block: Sequence[ast.stmt]) -> bool:
    """Whether the end of a block can be reached past: it does not end in a jump (nor in a
    ``with`` or an ``if``/``else`` whose blocks all do)."""
    last = block[-1] if block else None
    if isinstance(last, (ast.With, ast.AsyncWith)):
        return falls_through(last.body)
    if isinstance(last, ast.If) and last.orelse:
        return falls_through(last.body) or falls_through(last.orelse)
    return not isinstance(last, (ast.Return, ast.Raise, ast.Break, ast.Continue, type(None)))


def block_end(block: Sequence[ast.stmt], default: int) -> int:
    return (block[-1].end_lineno or block[-1].lineno) if block else default
