"""Definition handlers of the metrics walk: functions and classes open a scope, whose
counts are closed into the enclosing one (sonar's nesting of nested functions, radon's class
complexity and its Halstead counts of nested functions)."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from codehealth.metrics.expressions import Expressions
from codehealth.metrics.scope import Scope


class Definitions(Expressions):
    """Mixed into ``Walk``; relies on its state and traversal (declared below for typing)."""

    if TYPE_CHECKING:
        functions: list[tuple[Scope, int]]
        classes: list[tuple[Scope, int, int]]
        docstring_spans: list[tuple[int, int]]
        top_function_cc: int
        top_class_cc: int
        cc_off: int

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


def _is_wrapper(parent: Any, child: Any) -> bool:
    """sonar: a function whose body is only the nested def and ``return name`` statements."""
    for statement in parent.body:
        if statement is child:
            continue
        if not (type(statement) is ast.Return and type(statement.value) is ast.Name):
            return False
    return True
