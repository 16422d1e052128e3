"""The baseline in the checks other than the gate: a finding it records does not fail them.

``codehealth baseline`` records today's findings by fingerprint; from then on ``scan
--check`` and ``boundaries`` fail only on findings that are not in it (``--no-baseline``
shows the old behaviour). The fingerprints are those of ``codehealth debt``, so a finding is
matched here exactly as the gate matches it.
"""

from __future__ import annotations

import os

from codehealth.adapters.files import read_file
from codehealth.core import BaselineSplit, Settings, ThresholdViolation, is_test_path
from codehealth.metrics import ScanResult

# scan's threshold names -> the debt rule that reports the same measure
_RULE_OF_METRIC = {
    "cyclomatic": "CH101",
    "cognitive": "CH102",
    "nesting": "CH103",
    "parameters": "CH104",
    "function_length": "CH105",
    "file_lines": "CH106",
    "maintainability": "CH107",
}


def split_thresholds(
    result: ScanResult, settings: Settings, accepted: frozenset[str]
) -> BaselineSplit:
    """Threshold violations against the baseline, matched through the debt findings that
    report the same measures (their fingerprints need the text of the file)."""
    checked = checked_violations(result, settings)
    known = _complexity_fingerprints(result, settings)
    new = sum(known.get(_key(v)) not in accepted for v in checked)
    return BaselineSplit(settings.gate.baseline, new, len(checked) - new)


def checked_violations(result: ScanResult, settings: Settings) -> list[ThresholdViolation]:
    """The violations ``scan --check`` fails on: those in tests only with ``[tool.codehealth
    .tests] gate = true``, as in the gate (tests are judged as tests)."""
    if settings.tests.gate:
        return list(result.violations)
    return [v for v in result.violations if not is_test_path(v.path, settings.tests)]


def _key(violation: ThresholdViolation) -> tuple[str, str, str, int]:
    rule = _RULE_OF_METRIC.get(violation.metric, "")
    return (violation.path, rule, violation.symbol or "", violation.line)


def _complexity_fingerprints(
    result: ScanResult, settings: Settings
) -> dict[tuple[str, str, str, int], str]:
    from codehealth.adapters.files import load_catalogue
    from codehealth.findings import complexity_findings, finish_file

    catalogue = load_catalogue(settings)
    flagged = {v.path for v in result.violations}
    known: dict[tuple[str, str, str, int], str] = {}
    for metrics in result.files:
        if metrics.path not in flagged:
            continue
        found = complexity_findings((metrics,), settings.thresholds, catalogue)
        source = _read(result.root, metrics.path)
        for f in finish_file(found, metrics, source):
            known[(f.path, f.rule, f.symbol, f.line)] = f.fingerprint
    return known


def _read(root: str, path: str) -> bytes | None:
    try:
        return read_file(os.path.join(root, path))
    except OSError:  # gone since the scan: its findings count as new
        return None
