"""Expression handlers of the metrics walk: Halstead operators and operands (radon's
rules), boolean-operator sequences and ternaries (sonar's), and the pass-through nodes."""

from __future__ import annotations

import ast
from itertools import pairwise
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from codehealth.metrics.scope import LEAVES, Scope

_BOM = b"\xef\xbb\xbf"
_OPERAND_KEYS = {
    ast.Name: attrgetter("id"),
    ast.Constant: attrgetter("value"),
    ast.Attribute: attrgetter("attr"),
}


class Expressions:
    """Mixed into ``Walk``; relies on its state and traversal (declared below for typing)."""

    if TYPE_CHECKING:
        lines: list[bytes]
        scope: Scope
        hal: Scope | None
        string_spans: list[tuple[int, int]]
        considered_boolops: set[int]

        def visit(self, node: Any) -> None: ...
        def expr(self, node: Any) -> None: ...
        def each(self, nodes: list[Any]) -> None: ...
        def decide(self, points: int) -> None: ...
        def nested_increment(self) -> None: ...
        def generic(self, node: Any) -> None: ...

    # -- frequent nodes with nothing to count ----------------------------------------------

    def _attribute(self, node: Any) -> None:  # also Starred and Await: one ``value``
        value = node.value
        while type(value) is ast.Attribute:  # a.b.c: nothing to count on the way down
            value = value.value
        if type(value) not in LEAVES:
            self.visit(value)

    def _call(self, node: ast.Call) -> None:
        leaves = LEAVES
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

    def _sequence(self, node: ast.Tuple | ast.List | ast.Set) -> None:
        self.each(node.elts)

    def _subscript(self, node: ast.Subscript) -> None:
        self.expr(node.value)
        self.expr(node.slice)

    # -- counted expressions ------------------------------------------------------------

    def _operands(self, hal: Scope, nodes: Any) -> None:
        """radon keys an operand by its name, attribute or value (other nodes: the node)."""
        context = hal.name if hal.kind == "function" else None
        add = hal.operands_seen.add
        getters = _OPERAND_KEYS
        for node in nodes:
            getter = getters.get(type(node))
            add((context, node if getter is None else getter(node)))

    def _count_operation(self, operator: ast.AST, operands: tuple[Any, ...]) -> None:
        """One operator and its operands, counted as radon counts them. The caller visits
        the operands itself: a helper frame between the levels of a 5,000-deep expression
        would double the walk's recursion."""
        hal = self.hal
        if hal is not None:
            hal.operators += 1
            hal.operands += len(operands)
            hal.operators_seen.add(type(operator).__name__)
            self._operands(hal, operands)

    def _binop(self, node: ast.BinOp) -> None:
        self._count_operation(node.op, (node.left, node.right))
        self.expr(node.left)
        self.expr(node.right)

    def _unaryop(self, node: ast.UnaryOp) -> None:
        self._count_operation(node.op, (node.operand,))
        self.expr(node.operand)

    def _augassign(self, node: ast.AugAssign) -> None:
        self.scope.statements += 1
        self._count_operation(node.op, (node.target, node.value))
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
        # Where the text before each operand starts: the sequence's start, then the end of
        # the previous operand. Between the two there are only the operator, brackets,
        # spaces, line continuations and comments.
        line, column = node.lineno, node.col_offset
        for index, value in enumerate(node.values):
            if index:
                operators.append(op)
            if type(value) is ast.BoolOp and not self._parenthesised(line, column, value):
                self.considered_boolops.add(id(value))
                operators.extend(self._flatten(value))
            line, column = value.end_lineno or value.lineno, value.end_col_offset or 0
        return operators

    def _parenthesised(self, line: int, column: int, node: ast.expr) -> bool:
        """True when ``node`` is written inside parentheses (the AST drops them): an opening
        bracket between (``line``, ``column``) and the operand's start, outside comments."""
        lines = self.lines
        gap = [lines[number - 1] for number in range(line, node.lineno + 1) if number <= len(lines)]
        if not gap:
            return False
        end = node.col_offset + (len(_BOM) if node.lineno == 1 and gap[-1].startswith(_BOM) else 0)
        start = column + (len(_BOM) if line == 1 and gap[0].startswith(_BOM) else 0)
        gap[-1] = gap[-1][:end]
        gap[0] = gap[0][start:] if len(gap) > 1 else gap[0][start:end]
        # A comment runs to the end of its line; no string lies between two operands.
        return any(b"(" in text.split(b"#", 1)[0] for text in gap)

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
