"""Each finding's enclosing symbol and its fingerprint (never from the line number)."""

from __future__ import annotations

from collections.abc import Sequence

from codehealth.core import FileMetrics, Finding, normalise_line, numbered_fingerprints

_FILE_LEVEL = frozenset({"CH106", "CH107"})


def finish_file(
    findings: Sequence[Finding], metrics: FileMetrics | None, source: bytes | None
) -> list[Finding]:
    """The findings of ONE file with their enclosing symbol and fingerprint.

    The fingerprint is numbered by ``codehealth.core.numbered_fingerprints``, as
    ``with_fingerprints`` does; the symbols and line texts are found here in one pass
    (each line decoded once) because a large project has tens of thousands of findings.
    File-level findings (a large file, a low maintainability index) are fingerprinted with
    an empty line text: they belong to the file, not to its first line. A finding that has
    a fingerprint keeps it: its check fingerprinted it (boundaries: by the import's target,
    which survives edits of the line).
    """
    done = [f for f in findings if f.fingerprint]
    return sorted(
        done + _fingerprinted([f for f in findings if not f.fingerprint], metrics, source),
        key=lambda f: (f.line, f.column, f.rule),
    )


def _fingerprinted(
    findings: Sequence[Finding], metrics: FileMetrics | None, source: bytes | None
) -> list[Finding]:
    if not findings:
        return []
    scopes = _scopes(metrics) if metrics is not None else []
    lines = source.split(b"\n") if source is not None else []
    texts: dict[int, str] = {}
    ordered = sorted(findings, key=lambda f: (f.line, f.column, f.rule))
    keys: list[tuple[str, str, str, str]] = []
    for f in ordered:
        if f.rule in _FILE_LEVEL:
            keys.append((f.rule, f.path, f.symbol, ""))
            continue
        text = texts.get(f.line, "")
        if f.line not in texts and 0 < f.line <= len(lines):
            text = texts[f.line] = normalise_line(lines[f.line - 1].decode("utf-8", "replace"))
        keys.append((f.rule, f.path, f.symbol or _enclosing(scopes, f.line), text))
    return [
        Finding(
            f.rule,
            f.path,
            f.line,
            f.message,
            f.severity,
            f.remediation_minutes,
            key[2],
            f.column,
            f.end_line,
            f.fix,
            fingerprint,
        )
        for f, key, fingerprint in zip(ordered, keys, numbered_fingerprints(keys), strict=True)
    ]


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
