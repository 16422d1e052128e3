"""Coverage findings: complex functions the tests do not run (CRAP above the threshold)."""

from __future__ import annotations

from collections.abc import Iterable

from codehealth.core import (
    Catalogue,
    CoverageData,
    FileMetrics,
    Finding,
    SpanIndex,
    crap_risk,
    percent,
)
from codehealth.findings.priced import rule_finding

CRAP_RULE = "CH601"


def crap_findings(
    files: Iterable[FileMetrics], coverage: CoverageData | None, catalogue: Catalogue
) -> list[Finding]:
    """CH601 for every function whose CRAP score is above the rule's threshold. None without
    coverage data; a file whose data is stale and a function without statements are not
    judged."""
    rule = catalogue.rule(CRAP_RULE)
    if coverage is None or rule is None:
        return []
    limit = rule.threshold if rule.threshold is not None else 30.0
    found: list[Finding] = []
    for metrics in files:
        data = coverage.of(metrics.path)
        if data is None or not metrics.functions:
            continue
        index = SpanIndex(data)
        for fn in metrics.functions:
            span = index.function(fn.lineno, fn.end_lineno)
            score = crap_risk(fn.cyclomatic, span)
            if score is None or score <= limit:
                continue
            message = (
                f"{fn.qualname}: CRAP {score:.0f} > {limit:g} (cyclomatic "
                f"{fn.cyclomatic}, covered {percent(span.rate)})"
            )
            lines = (fn.lineno, fn.end_lineno)
            found.append(
                rule_finding(rule, metrics.path, lines, message, score - limit, fn.qualname)
            )
    return found
