"""The metrics engine against the hand-written expectations of the case files in ``cases/``.

The expected numbers come from the definitions (sonar-python's CognitiveComplexityVisitor and
its test resources, the Cognitive Complexity white paper, radon's ComplexityVisitor and its
documented examples), worked out by hand next to each case; see ``metrics_caseload``.
"""

from __future__ import annotations

from typing import Any

import pytest
from metrics_caseload import CaseFile, case_paths, load

from codehealth.core import FileMetrics
from codehealth.metrics import analyze_source

CASE_FILES = [load(path) for path in case_paths()]


def _measure(case: CaseFile) -> FileMetrics:
    result = analyze_source(case.source, case.path.name)
    assert isinstance(result, FileMetrics), result
    return result


_MEASURED: dict[str, FileMetrics] = {}


def measured(case: CaseFile) -> FileMetrics:
    if case.path.name not in _MEASURED:
        _MEASURED[case.path.name] = _measure(case)
    return _MEASURED[case.path.name]


def _block_params() -> list[Any]:
    params = []
    for case in CASE_FILES:
        for block in case.blocks:
            if block.expected:
                params.append(pytest.param(case, block, id=f"{case.path.stem}::{block.id}"))
    return params


@pytest.mark.parametrize(("case", "block"), _block_params())
def test_block_matches_its_expectation(case: CaseFile, block: Any) -> None:
    metrics = measured(case)
    name = block.qualname.rsplit(".", 1)[-1]
    if block.kind == "function":
        found = [f for f in metrics.functions if f.lineno == block.lineno and f.name == name]
        assert len(found) == 1, f"engine reports no single function {block.id}"
        function = found[0]
        actual = {
            "cognitive": function.cognitive,
            "cyclomatic": function.cyclomatic,
            "max_nesting": function.max_nesting,
            "parameters": function.parameters,
            "statements": function.statements,
            "returns": function.returns,
            "length": function.length,
        }
        assert function.qualname == block.qualname
    else:
        classes = [c for c in metrics.classes if c.lineno == block.lineno and c.name == name]
        assert len(classes) == 1, f"engine reports no single class {block.id}"
        actual = {"cognitive": classes[0].cognitive, "cyclomatic": classes[0].cyclomatic}
    got = {key: actual[key] for key in block.expected}
    assert got == block.expected


@pytest.mark.parametrize(
    "case",
    [pytest.param(case, id=case.path.stem) for case in CASE_FILES if case.file_expected],
)
def test_file_matches_its_expectation(case: CaseFile) -> None:
    metrics = measured(case)
    actual = {"cognitive": metrics.cognitive, "cyclomatic": metrics.cyclomatic}
    actual.update(metrics.lines._asdict())
    got = {key: actual[key] for key in case.file_expected}
    assert got == case.file_expected


@pytest.mark.parametrize("case", [pytest.param(c, id=c.path.stem) for c in CASE_FILES])
def test_engine_reports_every_block_of_the_file(case: CaseFile) -> None:
    """Every def and class is reported once, with its qualified name, and nothing else."""
    metrics = measured(case)
    functions = sorted((b.lineno, b.qualname) for b in case.blocks if b.kind == "function")
    classes = sorted((b.lineno, b.qualname) for b in case.blocks if b.kind == "class")
    assert sorted((f.lineno, f.qualname) for f in metrics.functions) == functions
    assert sorted((c.lineno, c.qualname) for c in metrics.classes) == classes


def test_the_case_files_cover_the_definitions() -> None:
    """A guard against the case set shrinking by accident."""
    names = {case.path.stem for case in CASE_FILES}
    assert {
        "boolean_sequences",
        "expressions",
        "match_statements",
        "nesting",
        "radon_examples",
        "sonar_shapes",
        "structure",
        "try_with_async",
        "white_paper",
    } <= names
    assert sum(len(case.blocks) for case in CASE_FILES) >= 100
