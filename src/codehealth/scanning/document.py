"""``codehealth scan --format json``: the document (schema in scan.schema.json)."""

from __future__ import annotations

from typing import Any

from codehealth.core import (
    FileMetrics,
    FunctionMetrics,
    Halstead,
    LineCounts,
    PackageMetrics,
    span_figures,
)
from codehealth.duplication import duplication_document
from codehealth.metrics import ScanResult
from codehealth.scanning.covered import CoverageView, coverage_json
from codehealth.version import __version__

SCHEMA_VERSION = 2  # 2: coverage (per function, file, package and in total) and CRAP


def scan_document(result: ScanResult) -> dict[str, Any]:
    """The JSON document; its schema is ``codehealth/scanning/scan.schema.json``."""
    functions = sum(len(f.functions) for f in result.files)
    view = CoverageView(result.coverage, tuple(f.path for f in result.files))
    branches = view.branches
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "codehealth", "version": __version__},
        "root": result.root,
        "definitions": {
            "cyclomatic": "radon cc_visit",
            "cognitive": "SonarSource, as sonar-python's CognitiveComplexityVisitor",
            "maintainability": "radon mi_compute (multi-line strings as comments)",
        },
        "thresholds": {
            name: getattr(result.thresholds, name) for name in result.thresholds.__slots__
        },
        "summary": {
            "files": len(result.files),
            "not_analysed": len(result.not_analysed),
            "functions": functions,
            "cyclomatic": sum(f.cyclomatic for f in result.files),
            "cognitive": sum(f.cognitive for f in result.files),
            "violations": len(result.violations),
        },
        "coverage": coverage_json(view, result.root),
        "files": [
            {**_file(f, view, branches), "test": f.path in result.tests} for f in result.files
        ],
        "packages": [_package(p, view, branches) for p in result.packages],
        "not_analysed": [
            {"path": n.path, "rule": n.rule, "reason": n.reason} for n in result.not_analysed
        ],
        "violations": [
            {
                "path": v.path,
                "symbol": v.symbol,
                "line": v.line,
                "metric": v.metric,
                "value": v.value,
                "limit": v.limit,
                "test": v.path in result.tests,
            }
            for v in result.violations
        ],
        "notes": list(result.notes),
        "duplication": duplication_document(
            result.duplication, result.packages, total_lines(result)
        ),
    }


def total_lines(result: ScanResult) -> int:
    """Every line of the measured files: the denominator of the duplication density."""
    return sum(f.lines.total for f in result.files)


def _package(p: PackageMetrics, view: CoverageView, branches: bool) -> dict[str, Any]:
    return {
        "name": p.name,
        "path": p.path,
        "files": p.files,
        "functions": p.functions,
        "lines": _lines(p.lines),
        "cyclomatic": p.cyclomatic,
        "cognitive": p.cognitive,
        "maintainability": round(p.maintainability, 2),
        "maintainability_rank": p.maintainability_rank,
        "worst_function": p.worst_function,
        "worst_cognitive": p.worst_cognitive,
        "coverage": span_figures(view.folder(p.path), branches),
    }


def _file(f: FileMetrics, view: CoverageView, branches: bool) -> dict[str, Any]:
    return {
        "path": f.path,
        "lines": _lines(f.lines),
        "cyclomatic": f.cyclomatic,
        "cognitive": f.cognitive,
        "maintainability": round(f.maintainability, 2),
        "maintainability_rank": f.maintainability_rank,
        "halstead": _halstead(f.halstead),
        "coverage": span_figures(view.file(f.path), branches),
        "functions": [_function(fn, f.path, view, branches) for fn in f.functions],
        "classes": [
            {
                "name": c.name,
                "qualname": c.qualname,
                "line": c.lineno,
                "end_line": c.end_lineno,
                "cyclomatic": c.cyclomatic,
                "cognitive": c.cognitive,
                "methods": c.methods,
            }
            for c in f.classes
        ],
    }


def _function(fn: FunctionMetrics, path: str, view: CoverageView, branches: bool) -> dict[str, Any]:
    span, score = view.function_figures(path, fn)
    return {
        "name": fn.name,
        "qualname": fn.qualname,
        "line": fn.lineno,
        "end_line": fn.end_lineno,
        "is_method": fn.is_method,
        "is_nested": fn.is_nested,
        "cyclomatic": fn.cyclomatic,
        "cognitive": fn.cognitive,
        "max_nesting": fn.max_nesting,
        "parameters": fn.parameters,
        "statements": fn.statements,
        "returns": fn.returns,
        "length": fn.length,
        "halstead": _halstead(fn.halstead),
        "coverage": span_figures(span, branches),
        "crap": None if score is None else round(score, 2),
    }


def _lines(lines: LineCounts) -> dict[str, int]:
    return {
        "total": lines.total,
        "source": lines.source,
        "logical": lines.logical,
        "comment": lines.comment,
        "docstring": lines.docstring,
        "blank": lines.blank,
    }


def _halstead(h: Halstead) -> dict[str, float]:
    return {
        "distinct_operators": h.distinct_operators,
        "distinct_operands": h.distinct_operands,
        "operators": h.operators,
        "operands": h.operands,
        "volume": round(h.volume, 3),
        "difficulty": round(h.difficulty, 3),
        "effort": round(h.effort, 3),
    }
