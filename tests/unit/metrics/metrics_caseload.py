"""Loader for the metrics case files in ``cases/``.

A case file is ordinary Python. Every ``def`` (and any ``class`` that wants checking) carries
its expected values in an ``expect:`` comment, either at the end of its ``def``/``class`` line
or on comment lines just above it (above its decorators, or between them)::

    # expect: cognitive=7 cyclomatic=5
    def sum_of_primes(limit): ...

    def ternary(flag):  # expect: cognitive=1 cyclomatic=2

Keys for functions: cognitive, cyclomatic, max_nesting, parameters, statements, returns,
length. Keys for classes: cognitive, cyclomatic. A line ``# expect-file: key=value ...``
anywhere in the file gives file-level values: cognitive, cyclomatic, and the line counts
total, source, logical, comment, docstring, blank.

Every function of a case file must carry an expectation with at least ``cognitive``: a comment
put on the wrong line then fails loudly instead of checking nothing.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

CASES = Path(__file__).parent / "cases"
FUNCTION_KEYS = frozenset(
    {"cognitive", "cyclomatic", "max_nesting", "parameters", "statements", "returns", "length"}
)
CLASS_KEYS = frozenset({"cognitive", "cyclomatic"})
FILE_KEYS = frozenset(
    {"cognitive", "cyclomatic", "total", "source", "logical", "comment", "docstring", "blank"}
)
_EXPECT = re.compile(r"#\s*expect:\s*(?P<pairs>[^#]*)")
_EXPECT_FILE = re.compile(r"^#\s*expect-file:\s*(?P<pairs>[^#]*)$")
_PAIR = re.compile(r"^(?P<key>[a-z_]+)=(?P<value>-?\d+)$")


@dataclass(frozen=True)
class Block:
    """One ``def`` or ``class`` of a case file and what the comments expect of it."""

    kind: str  # "function" or "class"
    qualname: str
    lineno: int
    expected: dict[str, int]
    # True when no function encloses it (radon's h_visit reports exactly these functions).
    top_level: bool

    @property
    def id(self) -> str:
        return f"{self.qualname}:{self.lineno}"


@dataclass(frozen=True)
class CaseFile:
    path: Path
    source: bytes
    blocks: tuple[Block, ...]
    file_expected: dict[str, int]


def case_paths() -> list[Path]:
    return sorted(CASES.glob("*.py"))


def _pairs(text: str, allowed: frozenset[str], where: str) -> dict[str, int]:
    result: dict[str, int] = {}
    for word in text.split():
        match = _PAIR.match(word)
        if match is None or match["key"] not in allowed:
            raise ValueError(f"{where}: bad expectation {word!r} (keys: {sorted(allowed)})")
        if match["key"] in result:
            raise ValueError(f"{where}: {match['key']} given twice")
        result[match["key"]] = int(match["value"])
    return result


def _comment_lines_above(lines: list[str], first: int) -> list[int]:
    """Line numbers (1-based) of the comment lines directly above line ``first``."""
    numbers = []
    number = first - 1
    while number >= 1 and lines[number - 1].lstrip().startswith("#"):
        numbers.append(number)
        number -= 1
    return numbers


def load(path: Path) -> CaseFile:
    source = path.read_bytes()
    text = source.decode("utf-8-sig")
    lines = text.splitlines()
    tree = ast.parse(source, filename=str(path))
    blocks: list[Block] = []

    def expectation(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> str:
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        candidates = [node.lineno, *range(first, node.lineno)]
        candidates += _comment_lines_above(lines, first)
        found = []
        for number in candidates:
            line = lines[number - 1]
            if number != node.lineno and not line.lstrip().startswith("#"):
                continue  # a decorator line: its own trailing comment is not an expectation
            match = _EXPECT.search(line)
            if match:
                found.append(match["pairs"])
        return " ".join(found)

    def walk(body: list[ast.stmt], prefix: str, in_function: bool) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                kind = "class" if isinstance(node, ast.ClassDef) else "function"
                qualname = f"{prefix}{node.name}"
                where = f"{path.name}:{node.lineno} {qualname}"
                allowed = CLASS_KEYS if kind == "class" else FUNCTION_KEYS
                expected = _pairs(expectation(node), allowed, where)
                if kind == "function" and "cognitive" not in expected:
                    raise ValueError(f"{where}: every function needs an expect: comment")
                blocks.append(Block(kind, qualname, node.lineno, expected, not in_function))
                walk(node.body, qualname + ".", in_function or kind == "function")
            else:
                for field in ("body", "orelse", "finalbody", "handlers", "cases"):
                    children = getattr(node, field, None)
                    if isinstance(children, list):
                        for child in children:
                            inner = getattr(child, "body", None)
                            if isinstance(child, ast.stmt):
                                walk([child], prefix, in_function)
                            elif isinstance(inner, list):  # except handlers, match cases
                                walk(inner, prefix, in_function)

    walk(tree.body, "", False)
    file_expected: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        match = _EXPECT_FILE.match(line.strip())
        if match:
            file_expected.update(_pairs(match["pairs"], FILE_KEYS, f"{path.name}:{number}"))
    return CaseFile(path, source, tuple(blocks), file_expected)
