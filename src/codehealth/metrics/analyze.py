"""Source bytes -> FileMetrics: one parse, one walk, one scan of the lines."""

from __future__ import annotations

import ast
import gc
import math
import sys
import warnings
from typing import Any

from codehealth.core import ClassMetrics, FileMetrics, FunctionMetrics, Halstead, NotAnalysed
from codehealth.metrics.engine import Walk
from codehealth.metrics.lines import count_lines
from codehealth.metrics.scope import Scope, halstead_measures

# Bump when what a metric counts changes: every cache of measurements is keyed by it.
METRICS_VERSION = 2  # 2: *args/**kwargs are not parameters (as ruff's PLR0913)

_SELF_NAMES = frozenset({"self", "cls", "mcs", "metacls"})


def analyze_source(source: bytes, path: str) -> FileMetrics | NotAnalysed:
    """Measure one file. Never raises for bad input: it returns a NotAnalysed instead."""
    return analyze_module(source, path)[0]


def analyze_module(source: bytes, path: str) -> tuple[FileMetrics | NotAnalysed, ast.Module | None]:
    """``analyze_source`` plus the syntax tree it measured (None when the file was not
    analysed), so that a caller reading more from the file does not parse it again."""
    if b"\x00" in source:
        reason = "the file contains NUL bytes, so it is not Python source"
        return NotAnalysed(path, reason), None
    # An AST has no reference cycles; pausing the cycle collector while it is built and
    # walked saves about half of the parse time on large files.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarning for invalid escapes etc.
            return _parse_and_measure(source, path)
    except SyntaxError as error:
        return NotAnalysed(path, _syntax_reason(error)), None
    except (RecursionError, MemoryError):
        return NotAnalysed(path, "the code is nested too deeply to analyse"), None
    except (ValueError, UnicodeError, OverflowError) as error:
        reason = f"the file cannot be read as Python source: {error}"
        return NotAnalysed(path, reason), None
    finally:
        if was_enabled:
            gc.enable()


# The walk recurses once per level of the tree; long operator chains (``a + b + ...``
# with hundreds of terms) are that deep. From 3.11 on, Python-to-Python calls use no C stack,
# so a higher limit is safe there; 3.10 keeps its default.
_DEEP_LIMIT = 20_000 if sys.version_info >= (3, 11) else 0


def _parse_and_measure(source: bytes, path: str) -> tuple[FileMetrics, ast.Module]:
    limit = sys.getrecursionlimit()
    if limit >= _DEEP_LIMIT:
        tree = ast.parse(source, filename=path)
        return _measure(tree, source, path), tree
    sys.setrecursionlimit(_DEEP_LIMIT)
    try:
        tree = ast.parse(source, filename=path)
        return _measure(tree, source, path), tree
    finally:
        sys.setrecursionlimit(limit)


def _syntax_reason(error: SyntaxError) -> str:
    message = error.msg or "invalid syntax"
    if any(word in message for word in ("unicode error", "codec", "decode", "encoding")):
        return f"the file cannot be decoded: {message} (check its encoding declaration)"
    where = f" at line {error.lineno}" if error.lineno else ""
    return f"syntax error{where}: {message} (Python 2 code, or syntax newer than this interpreter?)"


def _measure(tree: ast.Module, source: bytes, path: str) -> FileMetrics:
    lines = source.splitlines()
    walk = Walk(lines)
    walk.docstring(tree.body)
    for statement in tree.body:
        walk.visit(statement)
    module = walk.module

    functions = tuple(_function_metrics(scope, complexity) for scope, complexity in walk.functions)
    classes = tuple(
        ClassMetrics(
            name=scope.name,
            qualname=scope.qualname,
            lineno=scope.node.lineno,
            end_lineno=scope.node.end_lineno or scope.node.lineno,
            cyclomatic=complexity,
            cognitive=scope.cognitive,
            methods=scope.methods,
        )
        for scope, complexity, _real in walk.classes
    )
    statements = module.statements + sum(scope.statements for scope, _ in walk.functions)
    statements += sum(scope.statements for scope, _, _ in walk.classes)
    line_scan = count_lines(lines, walk.string_spans, walk.docstring_spans, statements)
    halstead = _halstead(module)
    # radon's total_complexity: the module's own decision points, plus every module-level
    # function and class (each counted from 0 rather than 1), plus the starting 1.
    cyclomatic = 1 + module.decisions + walk.top_function_cc + walk.top_class_cc
    comment_share = (
        (line_scan.comment + line_scan.inline_comments + line_scan.multi_line_docstring)
        / line_scan.source
        * 100
        if line_scan.source
        else 0.0
    )
    return FileMetrics(
        path=path,
        lines=line_scan.counts,
        cyclomatic=cyclomatic,
        cognitive=module.cognitive,
        maintainability=maintainability_index(
            halstead.volume, cyclomatic, statements, comment_share
        ),
        halstead=halstead,
        functions=functions,
        classes=classes,
    )


def _function_metrics(scope: Scope, complexity: int) -> FunctionMetrics:
    node: Any = scope.node
    parent = scope.parent
    is_method = parent is not None and parent.kind == "class"
    arguments = node.args
    positional = [*arguments.posonlyargs, *arguments.args]
    # *args/**kwargs pass the caller's arguments through; no caller has to supply more for them
    parameters = len(positional) + len(arguments.kwonlyargs)
    if is_method and positional and positional[0].arg in _SELF_NAMES:
        parameters -= 1
    return FunctionMetrics(
        name=scope.name,
        qualname=scope.qualname,
        lineno=node.lineno,
        end_lineno=node.end_lineno or node.lineno,
        is_method=is_method,
        is_nested=parent is not None and parent.kind == "function",
        cyclomatic=complexity,
        cognitive=scope.cognitive,
        max_nesting=scope.max_depth,
        parameters=parameters,
        statements=scope.statements,
        returns=scope.returns,
        halstead=_halstead(scope),
    )


def _halstead(scope: Scope) -> Halstead:
    distinct_operators = len(scope.operators_seen)
    distinct_operands = len(scope.operands_seen)
    volume, difficulty, effort = halstead_measures(
        distinct_operators, distinct_operands, scope.operators, scope.operands
    )
    return Halstead(
        distinct_operators=distinct_operators,
        distinct_operands=distinct_operands,
        operators=scope.operators,
        operands=scope.operands,
        volume=volume,
        difficulty=difficulty,
        effort=effort,
    )


def maintainability_index(
    volume: float, cyclomatic: int, logical_lines: int, comment_percent: float
) -> float:
    """radon's ``mi_compute``: the SEI formula with a comment term, scaled to 0..100."""
    if volume <= 0 or logical_lines <= 0:
        return 100.0
    raw = (
        171
        - 5.2 * math.log(volume)
        - 0.23 * cyclomatic
        - 16.2 * math.log(logical_lines)
        + 50 * math.sin(math.sqrt(2.46 * math.radians(comment_percent)))
    )
    return min(max(0.0, raw * 100 / 171.0), 100.0)
