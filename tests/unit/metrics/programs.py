"""Hypothesis strategies for Python programs that exercise the metrics.

hypothesmith (``from_grammar``/``from_node``) gives syntactically valid programs of every
shape the grammar allows, but it rarely builds a function with branches in it (3 ``def`` and
1 ``if`` in 200 programs when this was written) and each program costs it 0.05-0.4 s. The
strategies here build syntax trees from the constructs the metrics count (every branch,
loop, handler, boolean operator, comprehension, ternary, match case, nested function and
class), print them with ``ast.unparse`` and then re-lay the text: line breaks inside
brackets, so that boolean operands and parentheses sit on different lines. Both kinds of
programs are used by the fuzz tests.

``layout_points``/``insert_lines``/``add_trailing_comments`` change a program's text, never
its syntax tree: they are the edits the invariance properties apply.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import strategies as st

NAMES = ("a", "b", "c", "x", "items", "self")
_STRINGS = ("", "#", "a # b", "(", "'", '"', "x\ny", "é")
_load = ast.Load()
_store = ast.Store()
Draw = Callable[[st.SearchStrategy[Any]], Any]


def _pick(draw: Draw, options: Sequence[Any]) -> Any:
    return options[draw(st.integers(0, len(options) - 1))]


def _name(draw: Draw) -> ast.Name:
    return ast.Name(_pick(draw, NAMES), _load)


def _leaf(draw: Draw) -> ast.expr:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return _name(draw)
    if kind == 1:
        return ast.Constant(draw(st.integers(0, 300)))  # -3 would print as -(3)
    if kind == 2:
        return ast.Constant(_pick(draw, _STRINGS))
    return ast.Constant(_pick(draw, (None, True, False)))


def _expr(draw: Draw, budget: int) -> ast.expr:
    """An expression with at most about ``budget`` nodes."""
    if budget <= 1 or draw(st.booleans()):
        return _leaf(draw)
    sub = budget // 2

    def child() -> ast.expr:
        return _expr(draw, sub)

    def children(low: int, high: int) -> list[ast.expr]:
        return [child() for _ in range(draw(st.integers(low, high)))]

    def generators() -> list[ast.comprehension]:
        return [
            ast.comprehension(ast.Name(_pick(draw, "ij"), _store), child(), children(0, 2), 0)
            for _ in range(draw(st.integers(1, 2)))
        ]

    kind = draw(st.integers(0, 18))
    if kind <= 2:  # boolean operators are what both complexities count most
        return ast.BoolOp(_pick(draw, (ast.And(), ast.Or())), children(2, 4))
    if kind == 3:
        return ast.BinOp(
            child(), _pick(draw, (ast.Add(), ast.Sub(), ast.Mod(), ast.BitOr())), child()
        )
    if kind == 4:
        return ast.UnaryOp(_pick(draw, (ast.Not(), ast.USub())), child())
    if kind == 5:
        rights = children(1, 2)
        ops = [_pick(draw, (ast.Lt(), ast.Eq(), ast.In(), ast.IsNot())) for _ in rights]
        return ast.Compare(child(), ops, rights)
    if kind in (6, 7):
        return ast.IfExp(child(), child(), child())
    if kind == 8:
        return ast.ListComp(child(), generators())
    if kind == 9:
        return ast.SetComp(child(), generators())
    if kind == 10:
        return ast.GeneratorExp(child(), generators())
    if kind == 11:
        return ast.DictComp(child(), child(), generators())
    if kind == 12:
        return ast.Lambda(_arguments(["v"]), child())
    if kind == 13:
        return ast.Call(_name(draw), children(0, 3), [])
    if kind == 14:
        return ast.Attribute(child(), "attr", _load)
    if kind == 15:
        return ast.Subscript(child(), child(), _load)
    if kind == 16:
        return _pick(draw, (ast.Tuple, ast.List))(children(0, 3), _load)
    if kind == 17:
        return ast.NamedExpr(ast.Name("w", _store), child())
    return ast.JoinedStr([ast.Constant("f"), ast.FormattedValue(child(), -1, None)])


def _arguments(names: Sequence[str]) -> ast.arguments:
    return ast.arguments([], [ast.arg(n) for n in names], None, [], [], None, [])


def _pattern(draw: Draw, budget: int) -> ast.pattern:
    kind = draw(st.integers(0, 7 if budget > 1 else 3))
    if kind == 0:
        return ast.MatchValue(ast.Constant(draw(st.integers(0, 9))))
    if kind == 1:
        return ast.MatchAs(None, _pick(draw, "km"))  # a capture: a catch-all
    if kind == 2:
        return ast.MatchAs(None, None)  # the wildcard "_"
    if kind == 3:
        return ast.MatchSingleton(None)
    parts = [_pattern(draw, budget // 2) for _ in range(draw(st.integers(2, 3)))]
    if kind == 4:
        return ast.MatchOr(parts)
    if kind == 5:
        return ast.MatchSequence(parts)
    if kind == 6:
        return ast.MatchClass(ast.Name("Point", _load), parts, [], [])
    return ast.MatchAs(parts[0], "bound")


def _simple(draw: Draw) -> ast.stmt:
    kind = draw(st.integers(0, 8))
    value = _expr(draw, 8)
    if kind == 0:
        return ast.Expr(value)
    if kind in (1, 2):
        return ast.Assign([ast.Name("x", _store)], value)
    if kind == 3:
        return ast.AugAssign(ast.Name("x", _store), ast.Add(), value)
    if kind == 4:
        return ast.Return(value)
    if kind == 5:
        return ast.Assert(value, _expr(draw, 3) if draw(st.booleans()) else None)
    if kind == 6:
        return ast.Raise(_name(draw), None)
    if kind == 7:
        return ast.Expr(ast.Yield(value))
    return _pick(draw, (ast.Pass(), ast.Break(), ast.Continue()))


def _body(draw: Draw, depth: int) -> list[ast.stmt]:
    return [_statement(draw, depth) for _ in range(draw(st.integers(1, 4)))]


def _statement(draw: Draw, depth: int) -> ast.stmt:
    """A statement; compound ones (nesting up to ``depth`` more levels) are as likely as
    simple ones: they are what the metrics count."""
    if depth <= 0 or draw(st.booleans()):
        return _simple(draw)
    test = _expr(draw, 8)

    def body() -> list[ast.stmt]:
        return _body(draw, depth - 1)

    def maybe() -> list[ast.stmt]:
        return body() if draw(st.booleans()) else []

    kind = draw(st.integers(0, 11))
    if kind <= 1:
        return ast.If(test, body(), maybe())
    if kind == 2:  # ``elif``: an ``else`` holding exactly one ``if``
        return ast.If(test, body(), [ast.If(_expr(draw, 6), body(), maybe())])
    if kind == 3:
        loop = _pick(draw, (ast.For, ast.AsyncFor))
        return loop(ast.Name(_pick(draw, "ij"), _store), test, body(), maybe())
    if kind == 4:
        return ast.While(test, body(), maybe())
    if kind == 5:
        handlers = [
            ast.ExceptHandler(_pick(draw, (None, ast.Name("ValueError", _load))), None, body())
            for _ in range(draw(st.integers(0, 3)))
        ]
        if not handlers:  # a ``try`` needs a handler or ``finally``; ``else`` needs a handler
            return ast.Try(body(), [], [], body())
        return ast.Try(body(), handlers, maybe(), maybe())
    if kind == 6 and hasattr(ast, "TryStar"):
        handlers = [
            ast.ExceptHandler(ast.Name("E", _load), None, body())
            for _ in range(draw(st.integers(1, 2)))
        ]
        return ast.TryStar(body(), handlers, maybe(), maybe())
    if kind == 7:
        with_ = _pick(draw, (ast.With, ast.AsyncWith))
        return with_([ast.withitem(test, None)], body())
    if kind == 8:
        cases = [
            ast.match_case(
                _pattern(draw, 4), _expr(draw, 4) if draw(st.booleans()) else None, body()
            )
            for _ in range(draw(st.integers(1, 4)))
        ]
        return ast.Match(test, cases)
    if kind in (9, 10):
        function = _pick(draw, (ast.FunctionDef, ast.AsyncFunctionDef))
        decorators = [_expr(draw, 4) for _ in range(draw(st.integers(0, 2)))]
        arguments = _arguments(["p"])
        arguments.defaults = [_expr(draw, 4)] if draw(st.booleans()) else []
        name = _pick(draw, ("inner", "helper", "f"))
        # a closure returned by its parent: sonar's "wrapper" shape
        return function(name, arguments, body(), decorators, None)
    bases = [_expr(draw, 3)] if draw(st.booleans()) else []
    return ast.ClassDef(_pick(draw, ("Inner", "K")), bases, [], body(), [])


def _function(draw: Draw, is_method: bool) -> ast.stmt:
    params = (["self"] if is_method else []) + [f"p{i}" for i in range(draw(st.integers(0, 8)))]
    name = _pick(draw, ("get", "put") if is_method else ("run", "check", "handle"))
    return ast.FunctionDef(name, _arguments(params), _body(draw, draw(st.integers(1, 4))), [], None)


@st.composite
def modules(draw: Draw) -> ast.Module:
    body: list[ast.stmt] = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.integers(0, 3))
        if kind <= 1:
            body.append(_function(draw, False))
        elif kind == 2:
            methods = [_function(draw, True) for _ in range(draw(st.integers(0, 3)))]
            body.append(ast.ClassDef("Service", [], [], methods or [ast.Pass()], []))
        else:
            body.append(_statement(draw, 2))
    return ast.Module(body, [])


def unparse(tree: ast.Module) -> str | None:
    """Source of ``tree``, or None when the printed text does not parse back to the same tree
    (``ast.unparse`` has a few corners where it does not round-trip)."""
    ast.fix_missing_locations(tree)
    try:
        text = ast.unparse(tree) + "\n"
        if ast.dump(ast.parse(text)) != ast.dump(tree):
            return None
    except (SyntaxError, ValueError, RecursionError):
        return None
    return text


# -- text edits that keep the syntax tree -------------------------------------------------

_OPENERS = {"(", "[", "{", ","}


def _tokens(source: str) -> list[tokenize.TokenInfo]:
    return list(tokenize.generate_tokens(io.StringIO(source).readline))


def break_points(source: str) -> list[tuple[int, int]]:
    """(row, column) just after an opening bracket or a comma inside brackets, where a line
    break may go without changing the syntax tree (never inside an f-string)."""
    points: list[tuple[int, int]] = []
    depth = 0
    in_fstring = 0
    for token in _tokens(source):
        name = tokenize.tok_name[token.type]
        if name.endswith("STRING_START"):
            in_fstring += 1
        elif name.endswith("STRING_END"):
            in_fstring -= 1
        if token.type != tokenize.OP or in_fstring:
            continue
        if token.string in "([{":
            depth += 1
        elif token.string in ")]}":
            depth -= 1
        if depth > 0 and token.string in _OPENERS:
            points.append(token.end)
    return points


def reflow(source: str, chosen: list[int]) -> str:
    """``source`` with a line break (and some indentation) at the chosen break points."""
    points = break_points(source)
    picks = sorted({points[i % len(points)] for i in chosen} if points else set(), reverse=True)
    lines = source.splitlines(keepends=True)
    for row, column in picks:
        line = lines[row - 1]
        lines[row - 1] = line[:column] + "\n" + " " * (column % 7) + line[column:].lstrip(" ")
    return "".join(lines)


def line_ends(source: str) -> list[int]:
    """Rows whose line ends outside any string and not with a backslash: a comment may be
    appended there, and a whole comment or blank line may follow."""
    rows = [
        token.start[0]
        for token in _tokens(source)
        if token.type in (tokenize.NEWLINE, tokenize.NL) and token.string != ""
    ]
    return sorted(set(rows))


def insert_lines(source: str, after_rows: list[int], texts: list[str]) -> str:
    """Insert ``texts[i]`` as a line after row ``after_rows[i]`` (0: before the first line).
    Only rows from ``line_ends`` (or 0) are valid."""
    lines = source.splitlines(keepends=True)
    for row, text in sorted(zip(after_rows, texts, strict=True), key=lambda p: -p[0]):
        lines.insert(row, text + "\n")
    return "".join(lines)


def add_trailing_comments(source: str, rows: list[int], text: str) -> str:
    lines = source.splitlines(keepends=True)
    for row in set(rows):
        line = lines[row - 1]
        stripped = line.rstrip("\r\n")
        lines[row - 1] = stripped + "  " + text + line[len(stripped) :]
    return "".join(lines)


def _laid_out(tree: ast.Module, breaks: list[int]) -> tuple[str, str] | None:
    text = unparse(tree)
    return None if text is None else (text, reflow(text, breaks))


# (the program as ``ast.unparse`` prints it, the same program with line breaks in brackets)
layouts = st.builds(_laid_out, modules(), st.lists(st.integers(0, 10_000), max_size=40)).filter(
    lambda pair: pair is not None
)
programs = layouts.map(lambda pair: pair[1])
