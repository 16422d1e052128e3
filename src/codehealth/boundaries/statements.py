"""Import statements read from source text: the statement at a line, the names passed to
``import_module("...")`` calls, inline ignores and relative imports that climb past the
top-level package."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass

from codehealth.core.module_names import resolve_relative

_KEYWORD = re.compile(r"\b(?:from|import)\b")
_IGNORE = re.compile(
    r"#\s*codehealth:\s*ignore\[(?P<ids>[A-Z0-9_,\s]+)\](?:\s+because\s+(?P<reason>\S.*))?"
)
_RELATIVE = re.compile(rb"^[ \t]*from[ \t]+(\.+)", re.MULTILINE)
_LITERAL_CALL = re.compile(rb"(?:import_module|__import__)\(\s*['\"]([\w.]*)")
_OTHER_CALL = re.compile(rb"(?:import_module|__import__)\(\s*(?![\s'\")])")
_DEF = re.compile(r"^(?P<indent>[ \t]*)(?:async[ \t]+)?(?:def|class)[ \t]+(?P<name>\w+)")


@dataclass(frozen=True, slots=True)
class ImportTarget:
    """One thing a statement imports: ``module`` (dotted) and, for ``from m import n``,
    ``name``; ``None`` for ``import m``; ``"*"`` for a star import."""

    module: str
    name: str | None


@dataclass(frozen=True, slots=True)
class InlineIgnore:
    line: int
    rules: tuple[str, ...]
    reason: str


def statement_targets(lines: list[str], line: int, package: str) -> list[ImportTarget] | None:
    """What the import statement starting at ``line`` (1-based) imports; ``package`` is the
    package of the importing code (for relative imports). None when no statement parses."""
    if not 0 < line <= len(lines):
        return None
    text = lines[line - 1]
    simple = _simple_targets(text, package)
    if simple is not None:
        return simple
    for match in _KEYWORD.finditer(text):
        node = _parse_from(lines, line, match.start())
        if node is not None:
            return _targets(node, package)
    return None


_SIMPLE_FROM = re.compile(r"^\s*from\s+(\.*)([\w.]*)\s+import\s+([\w\s,]+?)\s*(?:#.*)?$")
_SIMPLE_IMPORT = re.compile(r"^\s*import\s+([\w\s,.]+?)\s*(?:#.*)?$")
_ALIAS = re.compile(r"^([\w.]+)(?:\s+as\s+\w+)?$")


def _simple_targets(text: str, package: str) -> list[ImportTarget] | None:
    """One-line ``from x import a, b as c`` / ``import x.y as z`` without the parser; None
    when the line is anything else (the parser decides then)."""
    match = _SIMPLE_FROM.match(text)
    if match:
        return _simple_from(match, package)
    match = _SIMPLE_IMPORT.match(text)
    if match:
        found = _aliases(match.group(1))
        if found is not None:
            return [ImportTarget(name, None) for name in found]
    return None


def _aliases(names: str) -> list[str] | None:
    """The dotted names of ``a, b.c as d``; None when a part is not ``name [as alias]``."""
    found = [_ALIAS.match(part.strip()) for part in names.split(",")]
    if not all(found):
        return None
    return [m.group(1) for m in found if m]


def _simple_from(match: re.Match[str], package: str) -> list[ImportTarget] | None:
    """The targets of a matched one-line ``from ... import ...``."""
    dots, module, names = match.groups()
    found = _aliases(names)
    if found is None:
        return None
    source = resolve_relative(package, len(dots), module or None) if dots else module
    if not source:
        return None if not dots else []
    return [ImportTarget(source, name) for name in found]


def _parse_from(lines: list[str], line: int, column: int) -> ast.stmt | None:
    chunk = lines[line - 1][column:]
    for extra in range(0, 60):
        if extra:
            if line - 1 + extra >= len(lines):
                return None
            chunk += "\n" + lines[line - 1 + extra]
        if chunk.count("(") > chunk.count(")") or chunk.rstrip().endswith("\\"):
            continue
        return _parsed_import(chunk)
    return None


def _parsed_import(chunk: str) -> ast.stmt | None:
    """The import statement ``chunk`` starts with (complete: its brackets closed, no
    continuation), parsed; None when it is not one."""
    statement = chunk.split(";", 1)[0] if "(" not in chunk else chunk
    try:
        body = ast.parse(statement.strip()).body
    except SyntaxError:
        return None
    if body and isinstance(body[0], (ast.Import, ast.ImportFrom)):
        return body[0]
    return None


def _targets(node: ast.stmt, package: str) -> list[ImportTarget]:
    if isinstance(node, ast.Import):
        return [ImportTarget(alias.name, None) for alias in node.names]
    assert isinstance(node, ast.ImportFrom)
    module = resolve_relative(package, node.level, node.module) if node.level else node.module
    if module is None:
        return []
    return [ImportTarget(module, alias.name) for alias in node.names]


def dynamic_candidates(source: bytes) -> list[str] | None:
    """The literal names passed to ``import_module``/``__import__`` anywhere in the text
    (strings and comments included): cheap, to decide whether parsing is worth it. None
    when a call passes something else (a constant, an f-string): then only parsing tells."""
    if _OTHER_CALL.search(source):
        return None
    return [match.group(1).decode("ascii", "replace") for match in _LITERAL_CALL.finditer(source)]


def inline_ignores(text: str) -> list[InlineIgnore]:
    """Every ``# codehealth: ignore[CH301] because <reason>`` comment (reason may be empty)."""
    if "codehealth:" not in text:
        return []
    found: list[InlineIgnore] = []
    for number, comment in _comments(text):
        match = _IGNORE.search(comment)
        if match:
            rules = tuple(r.strip() for r in match["ids"].split(",") if r.strip())
            found.append(InlineIgnore(number, rules, (match["reason"] or "").strip()))
    return found


def _comments(text: str) -> Iterator[tuple[int, str]]:
    """(line, text) of each comment: strings that look like comments are not comments."""
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                yield token.start[0], token.string
    except (tokenize.TokenError, SyntaxError):
        return


def relative_beyond_top(source: bytes, package: str) -> int | None:
    """The first line with a ``from ...`` import that climbs past the top-level package."""
    depth = len(package.split(".")) if package else 0
    dots = b"." * (depth + 1)
    spaced = b"from  " in source or b"from\t\t" in source
    if not spaced and b"from " + dots not in source and b"from\t" + dots not in source:
        return None  # no import with that many dots (nearly every file): no regex
    for match in _RELATIVE.finditer(source):
        if len(match.group(1)) > depth:
            return source.count(b"\n", 0, match.start()) + 1
    return None


def enclosing_symbol(lines: list[str], line: int) -> str:
    """The qualified name of the function or class around ``line``, from indentation."""
    if not 0 < line <= len(lines):
        return ""
    indent = len(lines[line - 1]) - len(lines[line - 1].lstrip())
    names: list[str] = []
    for number in range(line - 2, -1, -1):
        if indent == 0:
            break
        match = _DEF.match(lines[number])
        if match and len(match["indent"].expandtabs()) < indent:
            names.append(match["name"])
            indent = len(match["indent"].expandtabs())
    return ".".join(reversed(names))
