"""The coverage of a change in the gate's text, markdown and JSON. Strings and values only."""

from __future__ import annotations

from typing import Any

from codehealth.gate.changed_coverage import ChangedCoverage, ranges_text
from codehealth.render import md_code, md_text


def _headline(coverage: ChangedCoverage) -> str:
    if coverage.percent is None:
        if coverage.unmeasured and not coverage.files:
            return "Changed code: no coverage figure (the data does not match the touched files)"
        return "Changed code: no executable line changed"
    words = (
        f"Changed code: {coverage.covered} of {coverage.changed} changed statements covered "
        f"by the tests ({coverage.percent:.0f} %)"
    )
    if coverage.uncovered_in_complex:
        words += f", {coverage.uncovered_in_complex} untested in complex functions"
    return words


def coverage_text_lines(coverage: ChangedCoverage | None) -> list[str]:
    """The headline, then each file's untested changed lines as ranges."""
    if coverage is None:
        return []
    lines = [_headline(coverage)]
    lines += [
        f"  not covered: {f.path} lines {ranges_text(f.uncovered)}"
        for f in coverage.files
        if f.uncovered
    ]
    lines += [f"  not in the coverage data: {path}" for path in coverage.unmeasured]
    return lines


def coverage_markdown_lines(coverage: ChangedCoverage | None) -> list[str]:
    """A section: the headline and a table of the files with untested changed lines."""
    if coverage is None:
        return []
    lines = [f"**{md_text(_headline(coverage))}**", ""]
    untested = [f for f in coverage.files if f.uncovered]
    if untested:
        lines += ["| File | Changed statements | Covered | Not covered (lines) |"]
        lines += ["|---|---:|---:|---|"]
        lines += [
            f"| {md_code(f.path, table=True)} | {f.changed} | {f.covered} "
            f"| {md_text(ranges_text(f.uncovered))} |"
            for f in untested
        ]
        lines.append("")
    return lines


def coverage_document(coverage: ChangedCoverage | None) -> dict[str, Any] | None:
    if coverage is None:
        return None
    return {
        "changed_statements": coverage.changed,
        "covered": coverage.covered,
        "percent": coverage.percent,
        "uncovered_in_complex_functions": coverage.uncovered_in_complex,
        "unmeasured": list(coverage.unmeasured),
        "files": [
            {
                "path": f.path,
                "changed_statements": f.changed,
                "covered": f.covered,
                "uncovered": [list(r) for r in f.uncovered],
                "uncovered_in_complex_functions": f.uncovered_in_complex,
                "functions": [
                    {
                        "qualname": fn.qualname,
                        "line": fn.lineno,
                        "statements": fn.statements,
                        "covered": fn.covered,
                        "percent": fn.percent,
                    }
                    for fn in f.functions
                ],
            }
            for f in coverage.files
        ],
    }
