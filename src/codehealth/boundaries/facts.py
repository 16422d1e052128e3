"""What one file contributes to the boundary results, read from its syntax tree.

Two versions of a file with equal facts cannot differ in any boundary finding: every rule
starts from an import statement (its line text and enclosing symbol make the fingerprint),
an ``import_module`` call, an inline ignore, or the names a module exports. The gate
compares the facts of each touched file at both revisions to skip the project-wide check
when nothing it depends on changed.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Any, TypeGuard

from codehealth.boundaries.api import public_api_of
from codehealth.boundaries.dynamic import called_name, fold, module_constants
from codehealth.boundaries.statements import enclosing_symbol, inline_ignores
from codehealth.core import normalise_line
from codehealth.django import RELATION_FIELDS

_BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")
# Statements holding other statements (besides ``if``, whose test is kept as a guard).
_COMPOUND = frozenset(
    getattr(ast, name)
    for name in (
        "FunctionDef",
        "AsyncFunctionDef",
        "ClassDef",
        "For",
        "AsyncFor",
        "While",
        "With",
        "AsyncWith",
        "Try",
        "TryStar",
        "Match",
    )
    if hasattr(ast, name)
)


@dataclass(frozen=True, slots=True)
class FileFacts:
    """``imports``: each import statement (structure, enclosing ``if`` tests, symbol, the
    text of its lines); ``dynamic``: each ``import_module``/``__import__`` call (and the
    module its constant name folds to);
    ``ignores``: each inline ignore (rules, reason, line text); ``exports``: the public
    names, whether ``__all__`` declares them, and whether a star import may add more;
    ``references``: what may name another module by a string (``reference_strings``)."""

    imports: tuple[tuple[tuple[Any, ...], tuple[str, ...], str, str], ...]
    dynamic: tuple[tuple[str, str, str, str], ...]
    ignores: tuple[tuple[tuple[str, ...], str, str], ...]
    exports: tuple[frozenset[str], bool, bool]
    references: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def same_imports(self, other: FileFacts) -> bool:
        """Equal import statements, dynamic imports, references and ignores (exports aside)."""
        return (self.imports, self.dynamic, self.references, self.ignores) == (
            other.imports,
            other.dynamic,
            other.references,
            other.ignores,
        )


def file_facts(tree: ast.Module, source: bytes) -> FileFacts:
    """The facts of a parsed module (``source`` is its text, ``tree`` its syntax tree)."""
    text = source.decode("utf-8", "replace")
    lines = text.splitlines()
    imports = [
        (
            _statement(node),
            tuple(_guard(test) for test in guards),
            enclosing_symbol(lines, node.lineno),
            _text(lines, node.lineno, node.end_lineno or node.lineno),
        )
        for node, guards in _imports(tree.body)
    ]
    dynamic = _dynamic(tree, lines) if b"import_module" in source or b"__import__" in source else []
    ignores = [
        (item.rules, item.reason, _text(lines, item.line, item.line))
        for item in inline_ignores(text)
    ]
    api = public_api_of(tree, "", lambda _: None)
    return FileFacts(
        tuple(sorted(imports)),
        tuple(sorted(dynamic)),
        tuple(sorted(ignores)),
        (api.names, api.declared_all, api.complete),
        reference_strings(tree),
    )


# Calls whose string arguments may name another module (Django's fields, get_model,
# include, signal receivers; importlib), and keywords that do in any call.
_REFERRING_CALLS = RELATION_FIELDS | {
    "get_model",
    "include",
    "receiver",
    "connect",
    "import_module",
    "__import__",
}
_REFERRING_KEYWORDS = frozenset({"to", "sender"})
# A settings value that may name a module: a dotted path (MIDDLEWARE's entries); a title or a
# secret is none, and editing one must not send the gate to the whole project.
_DOTTED = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$")


def reference_strings(tree: ast.Module) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A conservative summary of what may reference another module by a string: the strings
    of each call that may (by its name, or a ``to=``/``sender=`` keyword), and of each
    upper-case module-level setting (``MIDDLEWARE = [...]``). Two versions with equal
    summaries hold the same references; lines do not count (an edit above moves them)."""
    found = [_call_strings(node) for node in ast.walk(tree) if _may_refer(node)]
    found.extend(filter(None, map(_setting_strings, tree.body)))
    found.extend(_app_labels(tree))
    return tuple(sorted(found))


def added_reference(base: bytes, head: bytes) -> str:
    """What ``head`` may reference by a string that ``base`` did not (``reference_strings``),
    said in a few words; "" when nothing was added."""
    try:
        before = set(reference_strings(ast.parse(base)))
        added = [item for item in reference_strings(ast.parse(head)) if item not in before]
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return "does not parse"
    if not added:
        return ""
    name, strings = added[0]
    return f"a new reference by string in {name}: {', '.join(strings)}"


def _may_refer(node: ast.AST) -> TypeGuard[ast.Call]:
    """A call that may name a module by a string: by its name, or a to=/sender= keyword."""
    if not isinstance(node, ast.Call):
        return False
    if called_name(node.func) in _REFERRING_CALLS:
        return True
    return any(keyword.arg in _REFERRING_KEYWORDS for keyword in node.keywords)


def _call_strings(call: ast.Call) -> tuple[str, tuple[str, ...]]:
    return called_name(call.func), _strings(call)


def _setting_strings(statement: ast.stmt) -> tuple[str, tuple[str, ...]] | None:
    """An upper-case setting's dotted strings (or a URL conf's), None when it has none."""
    targets = _setting_names(statement)
    paths = tuple(text for text in _strings(statement) if _DOTTED.match(text))
    if targets and (paths or targets.endswith("URLCONF")):
        return targets, paths or _strings(statement)
    return None


def _app_labels(tree: ast.Module) -> list[tuple[str, tuple[str, ...]]]:
    """The ``name`` and ``label`` an AppConfig subclass sets: a new label re-aims every
    model reference that names it."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any("AppConfig" in ast.dump(b) for b in node.bases):
            found.extend(("AppConfig", _strings(item)) for item in node.body if _is_app_name(item))
    return found


def _is_app_name(statement: ast.stmt) -> bool:
    targets = statement.targets if isinstance(statement, ast.Assign) else []
    return any(isinstance(t, ast.Name) and t.id in ("name", "label") for t in targets)


def _setting_names(statement: ast.stmt) -> str:
    """The upper-case names a module-level (augmented) assignment sets, as Django's settings."""
    if isinstance(statement, ast.Assign):
        targets = statement.targets
    elif isinstance(statement, (ast.AugAssign, ast.AnnAssign)):
        targets = [statement.target]
    else:
        return ""
    names = [t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper()]
    return ",".join(names)


def _strings(node: ast.AST) -> tuple[str, ...]:
    return tuple(
        item.value
        for item in ast.walk(node)
        if isinstance(item, ast.Constant) and isinstance(item.value, str)
    )


def _dynamic(tree: ast.Module, lines: list[str]) -> list[tuple[str, str, str, str]]:
    """Each ``import_module``/``__import__`` call: its syntax, symbol, line text and the
    module its name folds to (a constant edited elsewhere changes the target)."""
    constants = module_constants(tree)
    found = []
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and called_name(call.func) in ("import_module", "__import__"):
            line = call.lineno
            folded = (fold(call.args[0], constants) or "") if call.args else ""
            symbol = enclosing_symbol(lines, line)
            found.append((ast.dump(call), symbol, _text(lines, line, line), folded))
    return found


def _imports(body: list[ast.stmt]) -> list[tuple[ast.Import | ast.ImportFrom, tuple[Any, ...]]]:
    """Every import statement, at any depth, with the tests of the ``if`` blocks around it
    (an import under ``if TYPE_CHECKING:`` counts differently). Only statements are
    visited, without recursion: no import statement hides in an expression."""
    found: list[tuple[ast.Import | ast.ImportFrom, tuple[Any, ...]]] = []
    work: list[tuple[list[Any], tuple[Any, ...]]] = [(body, ())]
    while work:
        statements, guards = work.pop()
        for node in statements:
            kind = type(node)
            if kind is ast.Import or kind is ast.ImportFrom:
                found.append((node, guards))
            elif kind is ast.If:
                work.append((node.body, (*guards, node.test)))
                if node.orelse:
                    work.append((node.orelse, (*guards, node.test, "else")))
            elif kind in _COMPOUND:
                work.extend(_blocks_of(node, guards))
    return found


def _blocks_of(node: Any, guards: tuple[Any, ...]) -> list[tuple[list[Any], tuple[Any, ...]]]:
    """The statement blocks of a compound statement (a loop, ``with``, ``try``, ``match``,
    a definition), each with the same ``guards``."""
    blocks: list[tuple[list[Any], tuple[Any, ...]]] = []
    for name in _BLOCKS:
        block = getattr(node, name, None)
        if not block:
            continue
        if isinstance(block[0], ast.stmt):
            blocks.append((block, guards))
        else:  # except handlers and match cases hold statements
            blocks.extend((item.body, guards) for item in block)
    return blocks


def _statement(node: ast.Import | ast.ImportFrom) -> tuple[Any, ...]:
    names = tuple((alias.name, alias.asname or "") for alias in node.names)
    if isinstance(node, ast.Import):
        return ("import", names)
    return ("from", node.level, node.module or "", names)


def _guard(test: Any) -> str:
    return test if isinstance(test, str) else ast.dump(test)


def _text(lines: list[str], first: int, last: int) -> str:
    return "\n".join(normalise_line(line) for line in lines[max(first - 1, 0) : last])
