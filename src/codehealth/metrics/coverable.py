"""What coverage.py counts in a file, from its syntax tree: statements and branch exits.

coverage.py's ``.coverage`` file stores only the lines that ran; the statements (what could
run) and the exits of each branching line come from parsing the source, which coverage.py
does at report time. This module computes them from the tree the scan already built, with
coverage.py's rules (checked against its own parser by tests/unit/metrics/test_coverable.py):

- every statement counts at its first line, except docstrings, ``global``/``nonlocal`` and
  a name's annotation without a value inside functions (``self.x: T`` counts); decorators,
  ``except`` and ``case`` lines count; ``else:``/``finally:`` lines do not;
- a line matching an exclusion pattern (coverage.py's defaults: ``# pragma: no cover``, a
  ``...`` body, ``if TYPE_CHECKING:``) excludes its statement, and a block header (or its
  decorator, or an ``else:`` line) excludes the whole block; patterns are searched in the
  whole text, so a match spanning lines (``def f():`` then ``...``) excludes all of them,
  but a definition whose body is excluded by other lines still counts;
- ``if``/``elif``, ``while``, ``for`` and a ``case`` that can fail have two exits (one for a
  constant test, ``while True:``, and ``case _``; none into excluded code); a line matching a
  no-branch pattern keeps its exits but counts them as taken (coverage.py never reports
  them missing).
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from codehealth.core import CodeShape

# coverage.py's defaults (coverage.config.DEFAULT_EXCLUDE and DEFAULT_PARTIAL, 7.x)
DEFAULT_EXCLUDE = (
    r"#\s*(pragma|PRAGMA)[:\s]?\s*(no|NO)\s*(cover|COVER)",
    r"^\s*(((async )?def .*?)?[\])]+(\s*->.*?)?:\s*)?\.\.\.\s*(#|$)",
    r"^\s*if (typing\.)?TYPE_CHECKING:",
)
DEFAULT_NO_BRANCH = (r"#\s*(pragma|PRAGMA)[:\s]?\s*(no|NO)\s*(branch|BRANCH)",)


_COMPOUND = (
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.With,
    ast.AsyncWith,
    ast.Try,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Match,
) + ((ast.TryStar,) if hasattr(ast, "TryStar") else ())
_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_NOT_CODE = (ast.Global, ast.Nonlocal)


def matching_lines(text: str, patterns: Iterable[str]) -> frozenset[int]:
    """The 1-based numbers of the lines a match of any of ``patterns`` touches, searched in
    the whole text as coverage.py does (a pattern may span lines)."""
    found: set[int] = set()
    for pattern in patterns:
        hint = _HINTS.get(pattern)
        if hint is not None and hint not in text:
            continue  # the pattern cannot match: skip its (slow) search
        last_start = last_line = 0
        for match in _compiled(pattern).finditer(text):
            start, end = match.span()
            start_line = last_line + text.count("\n", last_start, start)
            end_line = start_line + text.count("\n", start, end)
            found.update(range(start_line + 1, end_line + 2))
            last_start, last_line = start, start_line
    return frozenset(found)


@functools.lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.MULTILINE)


# text every match of a default pattern contains: most files lack it, and a search for a
# literal is much quicker than the pattern's (the `...` one tries every line start)
_HINTS = {
    DEFAULT_EXCLUDE[1]: "...",
    DEFAULT_EXCLUDE[2]: "TYPE_CHECKING",
}


def code_shape(
    tree: ast.Module,
    text: str,
    exclude: Iterable[str] = DEFAULT_EXCLUDE,
    no_branch: Iterable[str] = DEFAULT_NO_BRANCH,
) -> CodeShape:
    """The shape of a parsed file; ``text`` is its source."""
    shaper = _Shaper(matching_lines(text, exclude))
    shaper.body(tree.body, in_function=False, docstring=True)
    excluded_branches = matching_lines(text, no_branch)
    exits = {
        line: count
        for line, count in shaper.exits.items()
        if count > 1 and line in shaper.statements
    }
    return CodeShape(
        frozenset(shaper.statements),
        shaper.first_line,
        exits,
        frozenset(line for line in exits if line in excluded_branches),
    )


class _Shaper:
    def __init__(self, excluded: frozenset[int]) -> None:
        self.excluded = excluded
        self.statements: set[int] = set()
        self.first_line: dict[int, int] = {}
        self.exits: dict[int, int] = {}

    def body(self, body: Sequence[ast.stmt], in_function: bool, docstring: bool = False) -> None:
        start = 1 if docstring and _is_docstring(body) else 0
        for node in body[start:]:
            self.statement(node, in_function)

    def _hit(self, first: int, last: int) -> bool:
        excluded = self.excluded
        return bool(excluded) and any(line in excluded for line in range(first, last + 1))

    def _count(self, first: int, last: int) -> None:
        self.statements.add(first)
        for line in range(first + 1, last + 1):
            self.first_line[line] = first

    def statement(self, node: ast.stmt, in_function: bool) -> None:
        if not isinstance(node, _COMPOUND):
            self._simple(node, in_function)
        elif isinstance(node, _DEFS):
            self._definition(node)
        elif not self._hit(node.lineno, _header_end(node)):
            self._count(node.lineno, _header_end(node))
            self._blocks(node, in_function)
        elif isinstance(node, ast.If):  # an excluded `if` keeps its `else`
            self.body(node.orelse, in_function)

    def _simple(self, node: ast.stmt, in_function: bool) -> None:
        if isinstance(node, _NOT_CODE):
            return
        if _bare_annotation(node) and in_function:
            return  # `name: T` in a function is not compiled (`self.x: T` evaluates `self`)
        last = node.end_lineno or node.lineno
        if not self._hit(node.lineno, last):
            self._count(node.lineno, last)

    def _definition(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        decorators = [(d.lineno, d.end_lineno or d.lineno) for d in node.decorator_list]
        header_end = _header_end(node)
        if any(self._hit(first, last) for first, last in decorators) or self._hit(
            node.lineno, header_end
        ):
            return
        self.body(node.body, not isinstance(node, ast.ClassDef), docstring=True)
        for first, last in decorators:
            self._count(first, last)
        self._count(node.lineno, header_end)

    def _blocks(self, node: ast.stmt, in_function: bool) -> None:
        if isinstance(node, ast.Match):
            for case in node.cases:
                self._case(case, in_function)
            return
        self.body(getattr(node, "body", []), in_function)
        if isinstance(node, (ast.If, ast.While, ast.For, ast.AsyncFor)):
            # coverage.py does not count an exit into excluded code, nor the exit a constant
            # test (`while True:`, `if 0:`) never takes: the compiler removes it
            constant = isinstance(node, (ast.If, ast.While)) and _is_constant(node.test)
            into_body = node.body[0].lineno in self.statements
            self.exits[node.lineno] = 1 if constant or not into_body else 2
        previous_end = _end(getattr(node, "body", []), node.lineno)
        for handler in getattr(node, "handlers", ()):
            self._handler(handler, in_function)
            previous_end = _end(handler.body, previous_end)
        self._else_blocks(node, previous_end, in_function)

    def _handler(self, handler: ast.ExceptHandler, in_function: bool) -> None:
        header_end = _header_end_before(handler.lineno, handler.body)
        if not self._hit(handler.lineno, header_end):
            self._count(handler.lineno, header_end)
            self.body(handler.body, in_function)

    def _else_blocks(self, node: ast.stmt, previous_end: int, in_function: bool) -> None:
        """``else:`` and ``finally:`` blocks, each excluded by a pattern on its own line."""
        for name in ("orelse", "finalbody"):
            block: list[ast.stmt] = getattr(node, name, [])
            if not block:
                continue
            # the `else:`/`finally:` line is between the previous block and this one
            # (an `elif` is an If of its own: its own line is its header)
            keyword_lines = (previous_end + 1, block[0].lineno - 1)
            elif_ = name == "orelse" and isinstance(node, ast.If) and _is_elif(node, block)
            if elif_ or not self._hit(*keyword_lines):
                self.body(block, in_function)
            if block[0].lineno not in self.statements and node.lineno in self.exits:
                self.exits[node.lineno] -= 1  # an excluded `else:`
            previous_end = _end(block, previous_end)

    def _case(self, case: ast.match_case, in_function: bool) -> None:
        line = case.pattern.lineno
        header_end = _header_end_before(line, case.body)
        if self._hit(line, header_end):
            return
        self._count(line, header_end)
        wildcard = isinstance(case.pattern, ast.MatchAs) and case.pattern.pattern is None
        self.exits[line] = 1 if wildcard and case.guard is None else 2
        self.body(case.body, in_function)


def _is_constant(test: ast.expr) -> bool:
    return isinstance(test, ast.Constant) and test.value in (True, False, 0, 1)


def _is_docstring(body: Sequence[ast.stmt]) -> bool:
    first = body[0] if body else None
    return (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    )


def _bare_annotation(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.AnnAssign) and node.value is None and isinstance(node.target, ast.Name)
    )


def _is_elif(node: ast.If, block: Sequence[ast.stmt]) -> bool:
    return (
        len(block) == 1
        and isinstance(block[0], ast.If)
        and block[0].lineno > _end(node.body, node.lineno)
    )


def _header_end_before(line: int, body: Sequence[ast.stmt]) -> int:
    """The last header line of an ``except`` or ``case``: up to the line before its body."""
    return max(line, body[0].lineno - 1) if body else line


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


def _header_end(node: ast.stmt) -> int:
    """The last line of a block statement's header: the end of its test, iterable, context
    managers, arguments or bases (a comment line before the body is not part of it)."""
    parts = _HEADERS.get(type(node), lambda node: [])(node)
    ends = [getattr(part, "end_lineno", None) or node.lineno for part in parts]
    return max([node.lineno, *ends])


def _end(block: Sequence[ast.stmt], default: int) -> int:
    return (block[-1].end_lineno or block[-1].lineno) if block else default
