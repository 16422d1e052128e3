"""Cyclomatic complexity and Halstead counts equal radon's, block by block.

radon is the reference implementation of both definitions: ``cc_visit`` for every function,
method, closure and class radon reports, ``ComplexityVisitor.total_complexity`` for the file,
and ``h_visit`` for the file and its top-level functions (radon's own choice of functions:
every def not inside another def, methods included). Run on every case file and on the
engine's own sources.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from metrics_caseload import case_paths, load
from radon.complexity import cc_visit
from radon.metrics import h_visit
from radon.visitors import ComplexityVisitor

from codehealth.core import FileMetrics
from codehealth.metrics import analyze_source

SRC = Path(__file__).resolve().parents[3] / "src" / "codehealth"
PATHS = [*case_paths(), *sorted(SRC.rglob("*.py"))]
IDS = [path.relative_to(path.parents[1]).as_posix() for path in PATHS]


def _measure(path: Path) -> FileMetrics:
    result = analyze_source(path.read_bytes(), path.name)
    assert isinstance(result, FileMetrics), result
    return result


def _radon_blocks(blocks: list[Any]) -> Iterator[tuple[str, int, str, int]]:
    """(kind, lineno, name, complexity) of radon's blocks, closures and inner classes."""
    for block in blocks:
        if hasattr(block, "closures"):
            yield ("function", block.lineno, block.name, block.complexity)
            yield from _radon_blocks(block.closures)
        else:
            yield ("class", block.lineno, block.name, block.complexity)
            yield from _radon_blocks(block.methods)
            yield from _radon_blocks(block.inner_classes)


def _top_level_functions(tree: ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Every def not inside another def, in radon's visiting order."""
    found: list[ast.FunctionDef | ast.AsyncFunctionDef] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found.append(child)
            else:
                visit(child)

    visit(tree)
    return found


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_cyclomatic_equals_radon_for_every_block(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    metrics = _measure(path)
    ours = {("function", f.lineno, f.name): f.cyclomatic for f in metrics.functions}
    ours.update({("class", c.lineno, c.name): c.cyclomatic for c in metrics.classes})
    theirs = {(kind, line, name): cc for kind, line, name, cc in _radon_blocks(cc_visit(source))}
    if path.suffix == ".py" and "cases" in path.parts:
        assert theirs, "radon found no block: the comparison would check nothing"
    assert {key: ours.get(key) for key in theirs} == theirs
    assert metrics.cyclomatic == ComplexityVisitor.from_code(source).total_complexity


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_halstead_equals_radon(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    metrics = _measure(path)
    report = h_visit(source)

    def counts(h: Any) -> tuple[int, int, int, int]:
        return (h.h1, h.h2, h.N1, h.N2)

    def ours(h: Any) -> tuple[int, int, int, int]:
        return (h.distinct_operators, h.distinct_operands, h.operators, h.operands)

    assert ours(metrics.halstead) == counts(report.total)
    assert metrics.halstead.volume == pytest.approx(report.total.volume)
    assert metrics.halstead.difficulty == pytest.approx(report.total.difficulty)
    assert metrics.halstead.effort == pytest.approx(report.total.effort)

    by_line = {f.lineno: f for f in metrics.functions}
    top = _top_level_functions(ast.parse(source))
    assert [name for name, _ in report.functions] == [node.name for node in top]
    for node, (_, theirs) in zip(top, report.functions, strict=True):
        function = by_line[node.lineno]
        assert (function.name, ours(function.halstead)) == (node.name, counts(theirs))
        assert function.halstead.volume == pytest.approx(theirs.volume)
        assert function.halstead.effort == pytest.approx(theirs.effort)


@pytest.mark.parametrize("path", case_paths(), ids=[p.stem for p in case_paths()])
def test_hand_computed_cyclomatic_values_agree_with_radon(path: Path) -> None:
    """The case files' cyclomatic numbers are radon's, not ours: check them against radon."""
    case = load(path)
    radon = {
        (kind, line): cc
        for kind, line, _, cc in _radon_blocks(cc_visit(path.read_text(encoding="utf-8")))
    }
    written = {
        (block.kind, block.lineno): block.expected["cyclomatic"]
        for block in case.blocks
        if "cyclomatic" in block.expected and (block.kind, block.lineno) in radon
    }
    assert written == {key: radon[key] for key in written}
