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
from collections.abc import Iterable, Sequence

from codehealth.core import CodeShape
from codehealth.metrics.coverable_nodes import (
    arc_start,
    bare_annotation,
    block_end,
    falls_through,
    header_end,
    header_end_before,
    is_constant,
    is_docstring,
    is_elif,
)

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
    shaper = _Shaper(matching_lines(text, exclude), text.split("\n"))
    shaper.body(tree.body, in_function=False, docstring=True)
    excluded_branches = matching_lines(text, no_branch)
    exits = {
        line: count
        for line, count in shaper.excluded_falls().items()
        if count > 1 and line in shaper.statements
    }
    return CodeShape(
        frozenset(shaper.statements),
        shaper.first_line,
        exits,
        frozenset(line for line in exits if line in excluded_branches),
        frozenset(line for line in shaper.one_line if line in exits),
    )


class _Shaper:
    def __init__(self, excluded: frozenset[int], lines: Sequence[str]) -> None:
        self.excluded = excluded
        self.lines = lines
        self.statements: set[int] = set()
        self.first_line: dict[int, int] = {}
        self.exits: dict[int, int] = {}
        self.after: int | None = None  # where control goes after the statement (None: exit)
        self.falls: dict[int, int] = {}  # a branch's exit when its test fails -> that line
        self.uncompiled: set[int] = set()  # `global`, a bare annotation: no code, no arc
        self.one_line: set[int] = set()  # `def f(): return 1`: the line is the body's exit

    def body(self, body: Sequence[ast.stmt], in_function: bool, docstring: bool = False) -> None:
        nodes = body[1:] if docstring and is_docstring(body) else body
        after = self.after
        for index, node in enumerate(nodes):
            self.after = arc_start(nodes[index + 1]) if index + 1 < len(nodes) else after
            self.statement(node, in_function)
        self.after = after

    def _block(self, block: Sequence[ast.stmt], in_function: bool, after: int | None) -> None:
        """A block whose end goes to ``after`` (a loop's header, a ``finally:``)."""
        outer, self.after = self.after, after
        self.body(block, in_function)
        self.after = outer

    def excluded_falls(self) -> dict[int, int]:
        """The exits as coverage.py counts them: an exit into excluded code does not count."""
        exits = dict(self.exits)
        for line, target in self.falls.items():
            if line in exits and target not in self.statements | self.uncompiled:
                exits[line] -= 1
        return exits

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
        else:  # an excluded header excludes its block, not the `else`/`except` after it
            header = not self._hit(node.lineno, header_end(node, self.lines))
            if header:
                self._count(node.lineno, header_end(node, self.lines))
            self._blocks(node, in_function, header)

    def _simple(self, node: ast.stmt, in_function: bool) -> None:
        if isinstance(node, _NOT_CODE) or (bare_annotation(node) and in_function):
            # `name: T` in a function is not compiled (`self.x: T` evaluates `self`)
            self.uncompiled.add(node.lineno)
            return
        last = node.end_lineno or node.lineno
        if not self._hit(node.lineno, last):
            self._count(node.lineno, last)

    def _definition(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        decorators = [(d.lineno, d.end_lineno or d.lineno) for d in node.decorator_list]
        last_line = header_end(node, self.lines)
        if any(self._hit(first, last) for first, last in decorators) or self._hit(
            node.lineno, last_line
        ):
            return
        outer, self.after = self.after, None
        self.body(node.body, not isinstance(node, ast.ClassDef), docstring=True)
        self.after = outer
        for first, last in decorators:
            self._count(first, last)
        self._count(node.lineno, last_line)
        if block_end(node.body, 0) <= last_line:
            # `class E: pass`: coverage.py's arcs leave the line to the body's exit and on
            self.exits[node.lineno] = 2
            self.one_line.add(node.lineno)
            if outer is not None:
                self.falls[node.lineno] = outer

    def _blocks(self, node: ast.stmt, in_function: bool, header: bool) -> None:
        if isinstance(node, ast.Match):
            if header:
                self._cases(node.cases, in_function)
            return
        if header:
            self._block(getattr(node, "body", []), in_function, self._after_body(node))
            self._branch(node)
        previous_end = block_end(getattr(node, "body", []), node.lineno)
        finalbody: list[ast.stmt] = getattr(node, "finalbody", [])
        finally_ = arc_start(finalbody[0]) if finalbody else self.after
        for handler in getattr(node, "handlers", ()):
            self._handler(handler, in_function, finally_)
            previous_end = block_end(handler.body, previous_end)
        self._else_blocks(node, previous_end, in_function, finally_)

    def _branch(self, node: ast.stmt) -> None:
        """The exits of an ``if``/``while``/``for``: its body, and its ``else`` or past it
        (coverage.py does not count an exit into excluded code)."""
        if isinstance(node, (ast.If, ast.While, ast.For, ast.AsyncFor)):
            # nor the exit a constant test (`while True:`, `if 0:`) never takes: the compiler
            # removes it
            constant = isinstance(node, (ast.If, ast.While)) and is_constant(node.test)
            self.exits[node.lineno] = 1 if constant or not self._reached(node.body) else 2
            if not node.orelse and self.after is not None:
                self.falls[node.lineno] = self.after

    def _after_finally(self, node: ast.stmt) -> int | None:
        """Where a ``finally:`` block goes: past the ``try``, or nowhere coverage.py counts
        (0) when every block before it ends in a jump (``return (yield)`` in a wrapper)."""
        handlers: list[ast.ExceptHandler] = getattr(node, "handlers", [])
        blocks = [getattr(node, "orelse", None) or getattr(node, "body", [])]
        falls = any(falls_through(block) for block in blocks + [h.body for h in handlers])
        return self.after if falls else 0

    def _reached(self, block: Sequence[ast.stmt]) -> bool:
        """Whether a block's first statement with code counts (is not excluded)."""
        lines = (arc_start(node) for node in block)
        return next((n for n in lines if n not in self.uncompiled), 0) in self.statements

    def _after_body(self, node: ast.stmt) -> int | None:
        """Where the end of a block statement's body goes: its header for a loop, else the
        ``else:``/``finally:`` block of a ``try``, else past the statement."""
        if isinstance(node, (ast.While, ast.For, ast.AsyncFor)):
            return node.lineno
        blocks = [getattr(node, name, None) for name in ("orelse", "finalbody")]
        following = [block for block in blocks if block] if not isinstance(node, ast.If) else []
        return arc_start(following[0][0]) if following else self.after

    def _cases(self, cases: Sequence[ast.match_case], in_function: bool) -> None:
        """A failing ``case`` goes to the next one, the last one past the ``match``."""
        for index, case in enumerate(cases):
            following = cases[index + 1 : index + 2]
            self._case(case, in_function, following[0].pattern.lineno if following else None)

    def _handler(self, handler: ast.ExceptHandler, in_function: bool, after: int | None) -> None:
        last = header_end_before(handler.lineno, handler.body, self.lines)
        if not self._hit(handler.lineno, last):
            self._count(handler.lineno, last)
            self._block(handler.body, in_function, after)

    def _else_blocks(
        self, node: ast.stmt, previous_end: int, in_function: bool, finally_: int | None
    ) -> None:
        """``else:`` and ``finally:`` blocks, each excluded by a pattern on its own line."""
        for name in ("orelse", "finalbody"):
            block: list[ast.stmt] = getattr(node, name, [])
            if not block:
                continue
            # the `else:`/`finally:` line is between the previous block and this one
            # (an `elif` is an If of its own: its own line is its header)
            keyword_lines = (previous_end + 1, block[0].lineno - 1)
            elif_ = name == "orelse" and isinstance(node, ast.If) and is_elif(node, block)
            if elif_ or not self._hit(*keyword_lines):
                self._block(
                    block, in_function, finally_ if name == "orelse" else self._after_finally(node)
                )
            if not self._reached(block) and node.lineno in self.exits:
                self.exits[node.lineno] -= 1  # an excluded `else:`
            previous_end = block_end(block, previous_end)

    def _case(self, case: ast.match_case, in_function: bool, next_case: int | None) -> None:
        line = case.pattern.lineno
        last = header_end_before(line, case.body, self.lines)
        if self._hit(line, last):
            return
        self._count(line, last)
        wildcard = isinstance(case.pattern, ast.MatchAs) and case.pattern.pattern is None
        self.exits[line] = 1 if wildcard and case.guard is None else 2
        if (fall := next_case or self.after) is not None:
            self.falls[line] = fall
        self.body(case.body, in_function)
