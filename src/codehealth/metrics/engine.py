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
import math
from collections.abc import Callable
from itertools import pairwise
from operator import attrgetter
from typing import Any

_LEAVES = frozenset(
    {
        ast.Name,
        ast.alias,
        ast.Load,
        ast.Store,
        ast.Del,
    }
)
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_BOM = b"\xef\xbb\xbf"
_OPERAND_KEYS = {
    ast.Name: attrgetter("id"),
    ast.Constant: attrgetter("value"),
    ast.Attribute: attrgetter("attr"),
}
_NO_FIELDS: tuple[str, ...] = ()
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def _child_fields(node_type: type) -> tuple[str, ...]:
    fields = _CHILD_FIELDS.get(node_type)
    if fields is None:
        skip = {"ctx", "type_comment", "op", "ops", "is_async", "kind", "conversion", "kwd_attrs"}
        fields = tuple(f for f in node_type._fields if f not in skip)  # type: ignore[attr-defined]
        _CHILD_FIELDS[node_type] = fields
    return fields


class Scope:
    """Accumulators for one function, class or the module while the walk is inside it."""

    __slots__ = (
        "cognitive",
        "decisions",
        "depth",
        "kind",
        "level",
        "max_depth",
        "method_cc",
        "methods",
        "name",
        "nesting_increments",
        "node",
        "offset",
        "operands",
        "operands_seen",
        "operators",
        "operators_seen",
        "parent",
        "qualname",
        "returns",
        "statements",
    )

    def __init__(self, kind: str, name: str, qualname: str, node: Any, parent: Scope | None):
        self.kind = kind
        self.name = name
        self.qualname = qualname
        self.node = node
        self.parent = parent
        self.decisions = 0  # radon decision points of this scope's own code
        self.cognitive = 0  # sonar value with this scope as the root (level 0)
        self.nesting_increments = 0  # increments that included a nesting bonus
        self.level = 0  # sonar nesting level, relative to this scope
        self.offset = 0  # level of this scope inside its parent's count
        self.depth = 0  # block nesting depth
        self.max_depth = 0
        self.statements = 0
        self.returns = 0
        self.operators = 0
        self.operands = 0
        self.operators_seen: set[str] = set()
        self.operands_seen: set[Any] = set()
        self.method_cc = 0  # for classes: sum of direct methods' complexity (radon)
        self.methods = 0


class Walk:
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
        if node_type in _LEAVES:
            return
        if isinstance(node, ast.stmt):
            self.scope.statements += 1
        self.generic(node)

    def generic(self, node: Any) -> None:
        visit = self.visit
        leaves = _LEAVES
        for field in _CHILD_FIELDS.get(type(node)) or _child_fields(type(node)):
            value = getattr(node, field, None)
            if value is None:
                continue
            if type(value) is list:
                for item in value:
                    if item is not None and type(item) not in leaves:
                        visit(item)
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
        if node is not None and type(node) not in _LEAVES:
            self.visit(node)

    def each(self, nodes: list[Any]) -> None:
        visit = self.visit
        leaves = _LEAVES
        for node in nodes:
            if node is not None and type(node) not in leaves:
                visit(node)

    # -- frequent nodes with nothing to count ----------------------------------------------

    def _attribute(self, node: Any) -> None:  # also Starred and Await: one ``value``
        value = node.value
        while type(value) is ast.Attribute:  # a.b.c: nothing to count on the way down
            value = value.value
        if type(value) not in _LEAVES:
            self.visit(value)

    def _call(self, node: ast.Call) -> None:
        leaves = _LEAVES
        func = node.func
        while type(func) is ast.Attribute:
            func = func.value
        if type(func) not in leaves:
            self.visit(func)
        for argument in node.args:
            if type(argument) not in leaves:
                self.visit(argument)
        for keyword in node.keywords:
            value = keyword.value
            if type(value) not in leaves:
                self.visit(value)

    def _keyword(self, node: ast.keyword) -> None:
        self.expr(node.value)

    def _arg(self, node: ast.arg) -> None:
        self.expr(node.annotation)

    def _assign(self, node: ast.Assign) -> None:
        self.scope.statements += 1
        for target in node.targets:
            if type(target) not in _LEAVES:
                self.visit(target)
        value = node.value
        if type(value) not in _LEAVES:
            self.visit(value)

    def _expr_statement(self, node: ast.Expr) -> None:
        self.scope.statements += 1
        value = node.value
        if type(value) not in _LEAVES:
            self.visit(value)

    def _simple_statement(self, node: ast.stmt) -> None:
        self.scope.statements += 1

    def _sequence(self, node: ast.Tuple | ast.List | ast.Set) -> None:
        self.each(node.elts)

    def _subscript(self, node: ast.Subscript) -> None:
        self.expr(node.value)
        self.expr(node.slice)

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

    # -- definitions ------------------------------------------------------------------

    def docstring(self, body: list[Any]) -> None:
        if body:
            first = body[0]
            if type(first) is ast.Expr:
                value = first.value
                if type(value) is ast.Constant and type(value.value) is str:
                    self.docstring_spans.append((first.lineno, first.end_lineno or first.lineno))

    def _open(self, kind: str, node: Any) -> Scope:
        parent = self.scope
        qualname = f"{parent.qualname}.{node.name}" if parent.qualname else node.name
        scope = Scope(kind, node.name, qualname, node, parent)
        if kind == "function" and parent.kind == "function":
            scope.offset = parent.level if _is_wrapper(parent.node, node) else parent.level + 1
        parent.statements += 1
        self.scope = scope
        return scope

    def _close(self, scope: Scope) -> None:
        parent = scope.parent
        assert parent is not None
        self.scope = parent
        parent.cognitive += scope.cognitive + scope.nesting_increments * scope.offset
        parent.nesting_increments += scope.nesting_increments

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        parent = self.scope
        scope = self._open("function", node)
        self.docstring(node.body)
        # radon looks at neither decorators nor the signature; sonar counts them in the function.
        outer = self.hal
        self.hal = None
        self.cc_off += 1
        for decorator in node.decorator_list:
            self.expr(decorator)
        self.generic(node.args)
        self.expr(node.returns)
        self.cc_off -= 1
        self.hal = scope
        for statement in node.body:
            self.visit(statement)
        self._close(scope)
        self.hal = outer
        complexity = 1 + scope.decisions
        self.functions.append((scope, complexity))
        # Halstead: radon adds a function's counts to the visitor that met it.
        if outer is not None:
            outer.operators += scope.operators
            outer.operands += scope.operands
            outer.operators_seen |= scope.operators_seen
            outer.operands_seen |= scope.operands_seen
        if parent.kind == "class":
            parent.method_cc += complexity
            parent.methods += 1
        elif parent.kind == "module":
            self.top_function_cc += complexity - 1

    def _class(self, node: ast.ClassDef) -> None:
        parent = self.scope
        scope = self._open("class", node)
        self.docstring(node.body)
        # radon's CC skips bases, keywords and decorators; its Halstead visitor counts them
        # in the enclosing code (as it does the whole class body).
        self.cc_off += 1
        for item in node.decorator_list:
            self.expr(item)
        for item in node.bases:
            self.expr(item)
        for keyword in node.keywords:
            self.expr(keyword.value)
        self.cc_off -= 1
        for statement in node.body:
            self.visit(statement)
        self._close(scope)
        real = 1 + scope.decisions + scope.method_cc
        complexity = int(real / scope.methods) + (scope.methods > 1) if scope.methods else real
        self.classes.append((scope, complexity, real))
        if parent.kind == "module":
            self.top_class_cc += real - 1

    # -- expressions ----------------------------------------------------------------

    def _operands(self, hal: Scope, nodes: Any) -> None:
        """radon keys an operand by its name, attribute or value (other nodes: the node)."""
        context = hal.name if hal.kind == "function" else None
        add = hal.operands_seen.add
        getters = _OPERAND_KEYS
        for node in nodes:
            getter = getters.get(type(node))
            add((context, node if getter is None else getter(node)))

    def _binop(self, node: ast.BinOp) -> None:
        hal = self.hal
        if hal is not None:
            hal.operators += 1
            hal.operands += 2
            hal.operators_seen.add(type(node.op).__name__)
            self._operands(hal, (node.left, node.right))
        self.expr(node.left)
        self.expr(node.right)

    def _unaryop(self, node: ast.UnaryOp) -> None:
        hal = self.hal
        if hal is not None:
            hal.operators += 1
            hal.operands += 1
            hal.operators_seen.add(type(node.op).__name__)
            self._operands(hal, (node.operand,))
        self.expr(node.operand)

    def _augassign(self, node: ast.AugAssign) -> None:
        self.scope.statements += 1
        hal = self.hal
        if hal is not None:
            hal.operators += 1
            hal.operands += 2
            hal.operators_seen.add(type(node.op).__name__)
            self._operands(hal, (node.target, node.value))
        self.expr(node.target)
        self.expr(node.value)

    def _compare(self, node: ast.Compare) -> None:
        hal = self.hal
        if hal is not None:
            hal.operators += len(node.ops)
            hal.operands += len(node.comparators) + 1
            hal.operators_seen.update([type(op).__name__ for op in node.ops])
            self._operands(hal, (*node.comparators, node.left))
        self.expr(node.left)
        for comparator in node.comparators:
            self.expr(comparator)

    def _boolop(self, node: ast.BoolOp) -> None:
        values = node.values
        self.decide(len(values) - 1)
        hal = self.hal
        if hal is not None:
            hal.operators += 1
            hal.operands += len(values)
            hal.operators_seen.add(type(node.op).__name__)
            self._operands(hal, values)
        if id(node) not in self.considered_boolops:
            # sonar: +1 for the first operator of a sequence and +1 at each change of operator;
            # a parenthesised sub-expression starts a sequence of its own.
            operators = self._flatten(node)
            changes = 1
            for previous, current in pairwise(operators):
                changes += previous is not current
            self.scope.cognitive += changes
        for value in values:
            self.expr(value)

    def _flatten(self, node: ast.BoolOp) -> list[type]:
        operators: list[type] = []
        op = type(node.op)
        for index, value in enumerate(node.values):
            if index:
                operators.append(op)
            if type(value) is ast.BoolOp and not self._parenthesised(value):
                self.considered_boolops.add(id(value))
                operators.extend(self._flatten(value))
        return operators

    def _parenthesised(self, node: ast.expr) -> bool:
        """True when ``node`` is written inside parentheses (the AST drops them)."""
        lines = self.lines
        number = node.lineno - 1
        column = node.col_offset
        if number == 0 and lines[0].startswith(_BOM):  # offsets do not count the BOM
            column += len(_BOM)
        text = lines[number][:column]
        while True:
            text = text.rstrip(b" \t\f\\")
            if text:
                return text.endswith(b"(")
            number -= 1
            if number < 0:
                return False
            # A comment may end the line before an operand; its text says nothing.
            text = lines[number].split(b"#", 1)[0]

    def _ifexp(self, node: ast.IfExp) -> None:
        self.decide(1)
        self.nested_increment()
        scope = self.scope
        scope.level += 1
        self.expr(node.test)
        self.expr(node.body)
        self.expr(node.orelse)
        scope.level -= 1

    def _comprehension(self, node: ast.comprehension) -> None:
        self.decide(1 + len(node.ifs))
        self.expr(node.target)
        self.expr(node.iter)
        for condition in node.ifs:
            self.expr(condition)

    def _constant(self, node: ast.Constant) -> None:
        end = node.end_lineno
        if end is not None and end != node.lineno:
            self.string_spans.append((node.lineno, end))

    def _joinedstr(self, node: ast.JoinedStr) -> None:
        end = node.end_lineno
        if end is not None and end != node.lineno:
            self.string_spans.append((node.lineno, end))
        self.generic(node)


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


def _is_wrapper(parent: Any, child: Any) -> bool:
    """sonar: a function whose body is only the nested def and ``return name`` statements."""
    for statement in parent.body:
        if statement is child:
            continue
        if not (type(statement) is ast.Return and type(statement.value) is ast.Name):
            return False
    return True


def halstead_measures(
    distinct_operators: int, distinct_operands: int, operators: int, operands: int
) -> tuple[float, float, float]:
    """radon's volume, difficulty and effort."""
    vocabulary = distinct_operators + distinct_operands
    length = operators + operands
    volume = length * math.log2(vocabulary) if vocabulary else 0.0
    difficulty = (
        (distinct_operators * operands) / (2 * distinct_operands) if distinct_operands else 0.0
    )
    return volume, difficulty, difficulty * volume
