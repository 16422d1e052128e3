"""One pass over a module's AST that yields every per-function and per-file measure.

The walk is hand-rolled instead of an ``ast.NodeVisitor`` because it is the hot loop of a
cold scan: leaves are skipped without a call, and each node type is dispatched once.

Definitions (and the places where they follow another tool's quirks on purpose):

* cyclomatic: radon's ``ComplexityVisitor``. Decision points: ``if``/ternary +1, each
  boolean operand after the first +1, ``for``/``while`` +1 (+1 with ``else``), each
  comprehension +1 plus its ``if`` clauses, ``try`` +1 per handler (+1 with ``else``),
  ``match`` +1 per case except a catch-all, ``assert`` +1 (its expression is not looked
  into). Decorators, defaults and nested ``def``/``class`` do not count for the
  enclosing function; lambdas do. ``try``/``except*`` counts nothing, as in radon.
* cognitive: sonar-python's ``CognitiveComplexityVisitor`` (see ``Walk`` below).
* Halstead: radon's ``HalsteadVisitor`` (operators of BinOp, UnaryOp, BoolOp, AugAssign,
  Compare; operands keyed by the enclosing function's name).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

from codehealth.metrics.definitions import Definitions
from codehealth.metrics.scope import CHILD_FIELDS, LEAVES, Scope, child_fields, halstead_measures

__all__ = ["Scope", "Walk", "halstead_measures"]


class Walk(Definitions):
    """Walks one module. Results land in ``functions``, ``classes`` and the module scope."""

    def __init__(self, lines: list[bytes]) -> None:
        self.lines = lines  # the source's lines, as ``bytes.splitlines()`` gives them
        self.functions: list[tuple[Scope, int]] = []  # (scope, radon complexity)
        self.classes: list[tuple[Scope, int, int]] = []  # (scope, complexity, real)
        self.string_spans: list[tuple[int, int]] = []  # multi-line string literals
        self.docstring_spans: list[tuple[int, int]] = []
        self.top_function_cc = 0  # radon total: sum of (cc - 1) of module-level functions
        self.top_class_cc = 0  # radon total: sum of (real - 1) of module-level classes
        self.cc_off = 0  # > 0 inside assert, decorators and signatures (radon skips them)
        self.considered_boolops: set[int] = set()
        self.scope = Scope("module", "", "", None, None)
        self.module = self.scope
        # Where radon's Halstead visitor counts: the innermost function or the module (class
        # bodies count in the enclosing one); None where it does not look (signatures).
        self.hal: Scope | None = self.scope

    # -- traversal ------------------------------------------------------------------

    def visit(self, node: Any) -> None:
        node_type = type(node)
        handler = _HANDLERS.get(node_type)
        if handler is not None:
            handler(self, node)
            return
        if node_type in LEAVES:
            return
        if isinstance(node, ast.stmt):
            self.scope.statements += 1
        self.generic(node)

    def generic(self, node: Any) -> None:
        visit = self.visit
        each = self.each
        leaves = LEAVES
        for field in CHILD_FIELDS.get(type(node)) or child_fields(type(node)):
            value = getattr(node, field, None)
            if value is None:
                continue
            if type(value) is list:
                each(value)
            elif isinstance(value, ast.AST) and type(value) not in leaves:
                visit(value)

    def block(self, body: list[Any], nests: bool) -> None:
        """A statement list; ``nests`` says whether sonar raises the nesting level for it."""
        scope = self.scope
        scope.depth += 1
        if scope.depth > scope.max_depth:
            scope.max_depth = scope.depth
        if nests:
            scope.level += 1
        for statement in body:
            self.visit(statement)
        if nests:
            scope.level -= 1
        scope.depth -= 1

    def expr(self, node: Any) -> None:
        if node is not None and type(node) not in LEAVES:
            self.visit(node)

    def each(self, nodes: list[Any]) -> None:
        visit = self.visit
        leaves = LEAVES
        for node in nodes:
            if node is not None and type(node) not in leaves:
                visit(node)

    # -- simple statements ----------------------------------------------------------

    def _assign(self, node: ast.Assign) -> None:
        self.scope.statements += 1
        for target in node.targets:
            if type(target) not in LEAVES:
                self.visit(target)
        value = node.value
        if type(value) not in LEAVES:
            self.visit(value)

    def _expr_statement(self, node: ast.Expr) -> None:
        self.scope.statements += 1
        value = node.value
        if type(value) not in LEAVES:
            self.visit(value)

    def _simple_statement(self, node: ast.stmt) -> None:
        self.scope.statements += 1

    # -- complexity increments ---------------------------------------------------------

    def decide(self, points: int) -> None:
        if not self.cc_off:
            self.scope.decisions += points

    def nested_increment(self) -> None:
        scope = self.scope
        scope.cognitive += 1 + scope.level
        scope.nesting_increments += 1

    # -- statements -----------------------------------------------------------------

    def _if(self, node: ast.If) -> None:
        self.scope.statements += 1
        self.decide(1)
        self.nested_increment()
        self._if_rest(node)

    def _if_rest(self, node: ast.If) -> None:
        self.expr(node.test)
        self.block(node.body, True)
        orelse = node.orelse
        if not orelse:
            return
        first = orelse[0]
        if len(orelse) == 1 and type(first) is ast.If and first.col_offset == node.col_offset:
            # ``elif``: flat +1 for sonar, +1 for radon, same block depth.
            self.scope.statements += 1
            self.decide(1)
            self.scope.cognitive += 1
            self._if_rest(first)
        else:
            self.scope.cognitive += 1  # else
            self.block(orelse, True)

    def _loop(self, node: ast.For | ast.AsyncFor | ast.While) -> None:
        self.scope.statements += 1
        self.decide(1 + bool(node.orelse))
        self.nested_increment()
        if isinstance(node, ast.While):
            self.expr(node.test)
        else:
            self.expr(node.target)
            self.expr(node.iter)
        self.block(node.body, True)
        if node.orelse:
            self.scope.cognitive += 1
            self.block(node.orelse, True)

    def _try(self, node: Any) -> None:
        self.scope.statements += 1
        if type(node) is ast.Try:
            self.decide(len(node.handlers) + bool(node.orelse))
        self.block(node.body, False)
        for handler in node.handlers:
            self.nested_increment()
            self.expr(handler.type)
            self.block(handler.body, True)
        if node.orelse:
            self.scope.cognitive += 1
            self.block(node.orelse, True)
        if node.finalbody:
            self.block(node.finalbody, False)

    def _with(self, node: ast.With | ast.AsyncWith) -> None:
        self.scope.statements += 1
        for item in node.items:
            self.expr(item.context_expr)
            self.expr(item.optional_vars)
        self.block(node.body, False)

    def _match(self, node: Any) -> None:
        self.scope.statements += 1
        cases = node.cases
        catch_all = any(getattr(case.pattern, "pattern", False) is None for case in cases)
        self.decide(max(0, len(cases) - catch_all))
        self.expr(node.subject)
        scope = self.scope
        scope.depth += 1  # the cases are one block level, their bodies the next
        for case in cases:
            self.expr(case.pattern)
            self.expr(case.guard)
            self.block(case.body, True)
        scope.depth -= 1

    def _return(self, node: ast.Return) -> None:
        self.scope.statements += 1
        self.scope.returns += 1
        self.expr(node.value)

    def _assert(self, node: ast.Assert) -> None:
        self.scope.statements += 1
        self.decide(1)
        self.cc_off += 1
        self.expr(node.test)
        self.expr(node.msg)
        self.cc_off -= 1


# A table of plain functions, not bound methods: bound methods stored on the walk would make
# a reference cycle that keeps every syntax tree alive until the cycle collector runs.
_HANDLERS: dict[type, Callable[[Walk, Any], None]] = {
    ast.FunctionDef: Walk._function,
    ast.AsyncFunctionDef: Walk._function,
    ast.ClassDef: Walk._class,
    ast.If: Walk._if,
    ast.For: Walk._loop,
    ast.AsyncFor: Walk._loop,
    ast.While: Walk._loop,
    ast.Try: Walk._try,
    ast.With: Walk._with,
    ast.AsyncWith: Walk._with,
    ast.Return: Walk._return,
    ast.Assert: Walk._assert,
    ast.BoolOp: Walk._boolop,
    ast.IfExp: Walk._ifexp,
    ast.BinOp: Walk._binop,
    ast.UnaryOp: Walk._unaryop,
    ast.AugAssign: Walk._augassign,
    ast.Compare: Walk._compare,
    ast.comprehension: Walk._comprehension,
    ast.Constant: Walk._constant,
    ast.JoinedStr: Walk._joinedstr,
    # The most frequent node types get a direct handler: no field loop.
    ast.Attribute: Walk._attribute,
    ast.Call: Walk._call,
    ast.Assign: Walk._assign,
    ast.Expr: Walk._expr_statement,
    ast.keyword: Walk._keyword,
    ast.arg: Walk._arg,
    ast.Import: Walk._simple_statement,
    ast.ImportFrom: Walk._simple_statement,
    ast.Pass: Walk._simple_statement,
    ast.Break: Walk._simple_statement,
    ast.Continue: Walk._simple_statement,
    ast.Global: Walk._simple_statement,
    ast.Nonlocal: Walk._simple_statement,
    ast.Tuple: Walk._sequence,
    ast.List: Walk._sequence,
    ast.Set: Walk._sequence,
    ast.Subscript: Walk._subscript,
    ast.Starred: Walk._attribute,
    ast.Await: Walk._attribute,
}
if hasattr(ast, "TryStar"):  # Python 3.11+
    _HANDLERS[ast.TryStar] = Walk._try
_HANDLERS[ast.Match] = Walk._match
