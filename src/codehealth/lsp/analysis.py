"""One buffer's content -> its diagnostics and lenses, measured as the gate measures a file:
``analyze_module``, the complexity and marker rules of the catalogue, fingerprints, and the
baseline split. Pure: the session reads the files and keeps the state."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from codehealth.core import (
    EDITOR_SEVERITY,
    Catalogue,
    EditorDiagnostic,
    EditorLens,
    FileMetrics,
    Finding,
    NotAnalysed,
    Settings,
    Span,
    is_test_path,
    is_test_rule,
    price_rule_hits,
)
from codehealth.findings import complexity_findings, find_markers, finish_file
from codehealth.metrics import analyze_module

# A buffer larger than this is not measured (an editor opens generated or minified files).
SIZE_CAP = 2_000_000
_FILE_LEVEL = frozenset({"CH106", "CH107"})


@dataclass(frozen=True, slots=True)
class Buffer:
    """What a buffer is measured with. ``path``: project-relative, POSIX; ``accepted``: the
    baseline's fingerprints (None: no baseline); ``show_all``: legacy findings too."""

    path: str
    source: bytes
    settings: Settings
    catalogue: Catalogue
    accepted: frozenset[str] | None
    show_all: bool


@dataclass(frozen=True, slots=True)
class BufferResult:
    """The buffer's diagnostics and lenses, and the measures of its last version that parsed
    (kept for the next version that does not)."""

    diagnostics: tuple[EditorDiagnostic, ...]
    lenses: tuple[EditorLens, ...]
    metrics: FileMetrics | None
    findings: tuple[Finding, ...]


def analyse_buffer(
    buffer: Buffer, last: FileMetrics | None, extra: Sequence[Finding] = ()
) -> BufferResult:
    """The buffer's results. When it does not parse, the markers are still found, and the
    complexity of ``last`` (its last version that parsed) is shown, marked as such.
    ``extra``: findings measured elsewhere (the boundaries), fingerprinted already."""
    source = buffer.source
    if len(source) > SIZE_CAP:
        message = f"not analysed: {len(source):,} bytes is over codehealth's {SIZE_CAP:,}"
        return BufferResult((_note("CH000", message, "information"),), (), last, ())
    measured, _tree = analyze_module(source, buffer.path)
    notes: list[EditorDiagnostic] = []
    metrics = measured if isinstance(measured, FileMetrics) else None
    if isinstance(measured, NotAnalysed):
        notes.append(_not_analysed(measured, last is not None))
    shown = metrics or last
    found = _findings(buffer, shown, stale=metrics is None)
    kept = [*_new_only(buffer, [*found, *extra])]
    lines = source.split(b"\n")
    diagnostics = (*notes, *(_diagnostic(f, lines, metrics is None) for f in kept))
    return BufferResult(tuple(diagnostics), _lenses(shown), shown, tuple(kept))


def _findings(buffer: Buffer, metrics: FileMetrics | None, stale: bool) -> list[Finding]:
    """The catalogue's findings of the buffer, fingerprinted as ``codehealth gate`` does."""
    found: list[Finding] = []
    if metrics is not None:
        found.extend(complexity_findings([metrics], buffer.settings.thresholds, buffer.catalogue))
    found.extend(price_rule_hits(buffer.path, find_markers(buffer.source), buffer.catalogue))
    tests = buffer.settings.tests
    if is_test_path(buffer.path, tests) and not tests.gate:  # as the gate judges tests
        found = [f for f in found if not is_test_rule(f.rule)]
    # a stale measure's lines are not this source's: fingerprint it without the text
    return finish_file(found, metrics, None if stale else buffer.source)


def _new_only(buffer: Buffer, found: Sequence[Finding]) -> list[Finding]:
    """Findings the baseline does not accept (all with ``show_all`` or no baseline)."""
    if buffer.show_all or buffer.accepted is None:
        return list(found)
    return [f for f in found if f.fingerprint not in buffer.accepted]


def _diagnostic(finding: Finding, lines: list[bytes], stale: bool) -> EditorDiagnostic:
    line = max(finding.line - 1, 0)
    if finding.rule in _FILE_LEVEL:
        span = Span(0, 0, 0, 0)
    else:
        text = lines[line] if line < len(lines) else b""
        end = len(text.rstrip().decode("utf-8", "replace"))
        span = Span(line, min(finding.column, end), line, end)
    message = finding.message + (" (as last parsed)" if stale else "")
    severity = EDITOR_SEVERITY.get(finding.severity, "warning")
    return EditorDiagnostic(span, finding.rule, message, severity)


def _not_analysed(measured: NotAnalysed, kept: bool) -> EditorDiagnostic:
    line = _reason_line(measured.reason)
    message = f"not analysed: {measured.reason}"
    if kept:
        message += "; complexity shown is of the last version that parsed"
    return EditorDiagnostic(Span(line, 0, line, 0), measured.rule, message, "error")


def _reason_line(reason: str) -> int:
    """The 0-based line a syntax error's reason names ("... at line 12: ..."), else 0."""
    _, found, rest = reason.partition(" at line ")
    digits = rest.split(":")[0] if found else ""
    return int(digits) - 1 if digits.isdigit() and int(digits) > 0 else 0


def _note(rule: str, message: str, severity: str) -> EditorDiagnostic:
    return EditorDiagnostic(Span(0, 0, 0, 0), rule, message, severity)


def _lenses(metrics: FileMetrics | None) -> tuple[EditorLens, ...]:
    if metrics is None:
        return ()
    return tuple(
        EditorLens(fn.lineno - 1, f"cyclomatic {fn.cyclomatic} · cognitive {fn.cognitive}")
        for fn in metrics.functions
    )
