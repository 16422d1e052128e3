"""Each finding's enclosing symbol and its fingerprint (never from the line number)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from codehealth.model import FileMetrics, Finding, with_fingerprints

_FILE_LEVEL = frozenset({"CH106", "CH107"})


def finish_file(
    findings: Sequence[Finding], metrics: FileMetrics | None, source: bytes | None
) -> list[Finding]:
    """The findings of ONE file with their enclosing symbol and fingerprint.

    File-level findings (a large file, a low maintainability index) are fingerprinted with
    an empty line text: they belong to the file, not to its first line.
    """
    if not findings:
        return []
    scopes = _scopes(metrics) if metrics is not None else []
    placed = [
        f if f.symbol or f.rule in _FILE_LEVEL else replace(f, symbol=_enclosing(scopes, f.line))
        for f in findings
    ]
    lines = source.split(b"\n") if source is not None else []
    texts = {
        f.line: lines[f.line - 1].decode("utf-8", "replace")
        for f in placed
        if 0 < f.line <= len(lines)
    }
    file_level = [f for f in placed if f.rule in _FILE_LEVEL]
    others = [f for f in placed if f.rule not in _FILE_LEVEL]
    return with_fingerprints(others, texts) + with_fingerprints(file_level, {})


def _scopes(metrics: FileMetrics) -> list[tuple[int, int, str]]:
    """(first line, last line, qualified name) of every function and class."""
    scopes = [(fn.lineno, fn.end_lineno, fn.qualname) for fn in metrics.functions]
    scopes += [(c.lineno, c.end_lineno, c.qualname) for c in metrics.classes]
    scopes.sort()
    return scopes


def _enclosing(scopes: list[tuple[int, int, str]], line: int) -> str:
    """The innermost scope holding ``line``: the latest-starting one that contains it."""
    best = ""
    for first, last, name in scopes:
        if first > line:
            break
        if line <= last:
            best = name
    return best
