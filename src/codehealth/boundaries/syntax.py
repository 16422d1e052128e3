"""Import semantics read from a module's syntax tree or tokens: which imports run only for
the type checker, and PEP 810 ``lazy import`` statements on interpreters that cannot parse
them. Pure: values in, values out.

grimp (3.20, measured) drops from its graph the imports under ``if TYPE_CHECKING:`` and
``if <name>.TYPE_CHECKING:`` only. Type checkers know more forms: a ``from typing import
TYPE_CHECKING as TC`` alias, ``TYPE_CHECKING or False``, ``TYPE_CHECKING and X``, and the
``else:`` of ``if not TYPE_CHECKING:`` (tach #283). ``type_only_imports`` finds them all,
so the boundaries run removes those grimp kept.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator, Mapping
from typing import Any

_TYPING = ("typing", "typing_extensions")
_Block = list[ast.stmt]


def type_only_imports(tree: ast.Module, annotations: bool = False) -> frozenset[int]:
    """The lines of the import statements that run only for the type checker: under a test
    that is false at run time because of ``TYPE_CHECKING`` (any spelling), and, with
    ``annotations``, those whose names are used only in annotations of a module with ``from
    __future__ import annotations`` (import-linter #384)."""
    names = _checking_names(tree)
    guarded: set[int] = set()
    unguarded: list[ast.Import | ast.ImportFrom] = []
    for node, type_only in _imports(tree.body, names, False):
        if type_only:
            guarded.add(node.lineno)
        else:
            unguarded.append(node)
    if annotations and unguarded and _postponed(tree):
        guarded.update(node.lineno for node in _annotation_only(tree, unguarded))
    return frozenset(guarded)


def _checking_names(tree: ast.Module) -> frozenset[str]:
    """The plain names that mean ``TYPE_CHECKING``: itself, and its aliases imported from
    ``typing``/``typing_extensions`` (import statements hold no expressions: only the
    statements are visited)."""
    names = {"TYPE_CHECKING"}
    for node, _ in _imports(tree.body, frozenset(), False):
        if isinstance(node, ast.ImportFrom) and node.module in _TYPING:
            names.update(a.asname for a in node.names if a.name == "TYPE_CHECKING" and a.asname)
    return frozenset(names)


def _imports(
    body: _Block, names: frozenset[str], type_only: bool
) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import statement of ``body`` at any depth, with whether it runs only for the
    type checker."""
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node, type_only
        elif isinstance(node, ast.If):
            value = _at_run_time(node.test, names) if _mentions(node.test, names) else None
            yield from _imports(node.body, names, type_only or value is False)
            yield from _imports(node.orelse, names, type_only or value is True)
        else:
            for block in _blocks(node):
                yield from _imports(block, names, type_only)


def _blocks(node: ast.stmt) -> Iterator[_Block]:
    """The statement blocks of a compound statement (handlers and match cases included)."""
    for field in ("body", "orelse", "finalbody", "handlers", "cases"):
        block = getattr(node, field, None)
        if not isinstance(block, list):
            continue
        for item in block:
            if not isinstance(item, ast.stmt):  # an except handler or a match case
                yield item.body
        statements = [item for item in block if isinstance(item, ast.stmt)]
        if statements:
            yield statements


def _is_checking(node: ast.expr, names: frozenset[str]) -> bool:
    if isinstance(node, ast.Name):
        return node.id in names
    # `typing.TYPE_CHECKING`, `t.TYPE_CHECKING` (an alias), `typing_extensions.TYPE_CHECKING`
    return isinstance(node, ast.Attribute) and node.attr == "TYPE_CHECKING"


def _mentions(test: ast.expr, names: frozenset[str]) -> bool:
    return any(isinstance(n, ast.expr) and _is_checking(n, names) for n in ast.walk(test))


def _at_run_time(test: ast.expr, names: frozenset[str]) -> bool | None:
    """The value of ``test`` at run time, where ``TYPE_CHECKING`` is false; None when it
    depends on anything else."""
    if _is_checking(test, names):
        return False
    if isinstance(test, ast.Constant):
        return bool(test.value)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        value = _at_run_time(test.operand, names)
        return None if value is None else not value
    if isinstance(test, ast.BoolOp):
        values = [_at_run_time(v, names) for v in test.values]
        decisive = isinstance(test.op, ast.Or)  # True decides an `or`, False an `and`
        if decisive in values:
            return decisive
        return None if None in values else not decisive
    return None


def _postponed(tree: ast.Module) -> bool:
    """``from __future__ import annotations``: annotations are not evaluated at run time."""
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "__future__"
        and any(a.name == "annotations" for a in node.names)
        for node in tree.body
    )


def _annotation_only(
    tree: ast.Module, imports: list[ast.Import | ast.ImportFrom]
) -> Iterator[ast.Import | ast.ImportFrom]:
    """The imports each of whose names is used, and only in annotations: not in a default
    value, a base class, a decorator, a call, nor ``__all__``. A name never used counts as
    used at run time (a re-export, a side effect)."""
    in_annotations, at_run_time = _name_uses(tree)
    for node in imports:
        bound = _bound_names(node)
        if bound and all(n in in_annotations and n not in at_run_time for n in bound):
            yield node


def _bound_names(node: ast.Import | ast.ImportFrom) -> list[str]:
    """The names an import binds (none known for a star import)."""
    if any(alias.name == "*" for alias in node.names):
        return []
    if isinstance(node, ast.ImportFrom):
        return [alias.asname or alias.name for alias in node.names]
    return [alias.asname or alias.name.split(".")[0] for alias in node.names]


def _name_uses(tree: ast.Module) -> tuple[set[str], set[str]]:
    """(names read in annotations, names read anywhere else), module-wide: a name read at
    run time in any scope counts (the safe side: an import is kept). One walk of the tree,
    by hand: ``ast.walk`` and ``iter_child_nodes`` cost several parses of the file."""
    in_annotations: set[str] = set()
    at_run_time: set[str] = set(_dunder_all(tree))
    work: list[tuple[Any, bool]] = [(tree, False)]
    while work:
        node, annotation = work.pop()
        kind = type(node)
        if kind is ast.Name:
            (in_annotations if annotation else at_run_time).add(node.id)
        elif kind is ast.Constant:
            if annotation and isinstance(node.value, str):
                in_annotations.update(_string_names(node.value))
        else:
            work.extend(_children(node, annotation))
    return in_annotations, at_run_time


def _children(node: ast.AST, annotation: bool) -> Iterator[tuple[Any, bool]]:
    """Each child node, with whether it is (inside) an annotation."""
    annotated = type(node) in _ANNOTATED
    for name in node._fields:
        value = getattr(node, name, None)
        inside = annotation or (annotated and name in _ANNOTATION_FIELDS)
        if isinstance(value, list):
            yield from ((item, inside) for item in value if isinstance(item, ast.AST))
        elif isinstance(value, ast.AST):
            yield value, inside


# The fields that hold an annotation, of the nodes that have them.
_ANNOTATION_FIELDS = frozenset({"annotation", "returns"})
_ANNOTATED = frozenset({ast.arg, ast.AnnAssign, ast.FunctionDef, ast.AsyncFunctionDef})


def _string_names(text: str) -> Iterator[str]:
    """The names a string annotation (``"Order"``, ``"list[Order]"``) reads."""
    try:
        parsed = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError):
        return
    yield from (n.id for n in ast.walk(parsed) if isinstance(n, ast.Name))


def _dunder_all(tree: ast.Module) -> Iterator[str]:
    """The strings of a literal ``__all__`` (re-exported names are used at run time)."""
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            for item in ast.walk(node.value):
                if isinstance(item, ast.Constant) and isinstance(item.value, str):
                    yield item.value


def _parses_lazy() -> bool:
    try:
        ast.parse("lazy import x")
    except SyntaxError:
        return False
    return True


# A line that may start with the soft keyword (gettext_lazy, in every Django app, does not):
# only then are the tokens read, which tell a statement from a string or a continuation.
_LAZY_LINE = re.compile(rb"^[ \t]*lazy[ \t]+(?:import|from)\b", re.MULTILINE)
_PARSES_LAZY = _parses_lazy()  # PEP 810: Python 3.15+


def without_lazy(source: bytes) -> bytes:
    """``source`` with the soft keyword of each PEP 810 ``lazy import x`` / ``lazy from x
    import y`` removed (the statement then parses as a plain import on the same line),
    when this interpreter cannot parse them; unchanged otherwise. Read from the tokens: a
    NAME ``lazy`` starting a logical line, followed by ``import`` or ``from``."""
    if _PARSES_LAZY or b"lazy" not in source or not _LAZY_LINE.search(source):
        return source
    lines = source.splitlines(keepends=True)
    for row, column, end in sorted(_lazy_keywords(source), reverse=True):
        line = lines[row - 1]
        lines[row - 1] = line[:column] + line[end:]
    return b"".join(lines)


def _lazy_keywords(source: bytes) -> Iterator[tuple[int, int, int]]:
    """(line, start byte, end byte incl. the spaces after) of each ``lazy`` soft keyword."""
    try:
        tokens = list(tokenize.tokenize(io.BytesIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return
    encoding = tokens[0].string if tokens else "utf-8"
    starts = (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING)
    for before, token, after in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if token.string != "lazy" or token.type != tokenize.NAME or before.type not in starts:
            continue
        if after.type == tokenize.NAME and after.string in ("import", "from"):
            start = len(token.line[: token.start[1]].encode(encoding, "replace"))
            end = len(token.line[: after.start[1]].encode(encoding, "replace"))
            yield token.start[0], start, end


def type_only_lines(contents: Mapping[str, bytes], annotations: bool) -> dict[str, frozenset[int]]:
    """Module -> the lines of its type-checking-only imports (``type_only_imports``), for
    the modules where grimp may have kept some: a file is parsed only when its text holds a
    form grimp does not know (or, with ``annotations``, the ``__future__`` import). A file
    that does not parse has none (grimp leaves it out anyway)."""
    found: dict[str, frozenset[int]] = {}
    for module, content in contents.items():
        if not _worth_parsing(content, annotations):
            continue
        try:
            lines = type_only_imports(ast.parse(without_lazy(content)), annotations)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        if lines:
            found[module] = lines
    return found


_PLAIN_GUARD = re.compile(rb"^\s*(?:if\s+(?:\w+\s*\.\s*)?TYPE_CHECKING\s*:|#)")


def _worth_parsing(content: bytes, annotations: bool) -> bool:
    """Whether a line mentions ``TYPE_CHECKING`` other than as grimp understands it (``if
    TYPE_CHECKING:``, ``if typing.TYPE_CHECKING:``, an import of it without an alias)."""
    if annotations and b"__future__" in content and b"annotations" in content:
        return True
    if b"TYPE_CHECKING" not in content:
        return False
    for line in content.splitlines():
        if b"TYPE_CHECKING" not in line or _PLAIN_GUARD.match(line):
            continue
        if b"import" in line and b"TYPE_CHECKING as" not in line:
            continue
        return True
    return False
