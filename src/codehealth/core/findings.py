"""Findings: one problem at one place, with a fingerprint that survives unrelated edits."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

SEVERITIES = ("info", "minor", "major", "critical", "blocker")

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem found in the code.

    ``rule`` is a catalogue id (``CH101``) or a lint code (``ruff:F401``); ``symbol`` is the
    qualified name of the enclosing function or class (``""`` at module level). The
    ``fingerprint`` identifies the finding across edits: it never depends on the line number.
    """

    rule: str
    path: str
    line: int
    message: str
    severity: str = "minor"
    remediation_minutes: float = 0.0
    symbol: str = ""
    column: int = 0
    end_line: int = 0
    fix: str = ""
    fingerprint: str = ""


def normalise_line(text: str) -> str:
    """The offending line as the fingerprint sees it: whitespace collapsed, ends trimmed."""
    return _SPACE.sub(" ", text).strip()


def fingerprint(rule: str, path: str, symbol: str, line_text: str, occurrence: int) -> str:
    """Stable id from the rule, path, enclosing symbol, normalised line text and occurrence
    index (the n-th identical (rule, path, symbol, text) in the file) — never the line number.
    """
    key = "\0".join((rule, path, symbol, normalise_line(line_text), str(occurrence)))
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()


def numbered_fingerprints(keys: Iterable[tuple[str, str, str, str]]) -> list[str]:
    """The fingerprints of ONE file's findings given as (rule, path, symbol, line text) in
    (line, column, rule) order: the n-th identical (rule, symbol, text) is occurrence n.

    The one place findings are numbered: callers pass the text normalised
    (``normalise_line``), or what stands for it (a boundary finding's import target).
    """
    seen: dict[tuple[str, str, str], int] = {}
    prints: list[str] = []
    for rule, path, symbol, text in keys:
        key = (rule, symbol, text)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        prints.append(fingerprint(rule, path, symbol, text, occurrence))
    return prints


def with_fingerprints(findings: Iterable[Finding], line_texts: dict[int, str]) -> list[Finding]:
    """Give every finding of ONE file its fingerprint; ``line_texts`` maps line -> text.

    Findings are numbered in line order so that the occurrence index is stable.
    """
    ordered = sorted(findings, key=lambda f: (f.line, f.column, f.rule))
    prints = numbered_fingerprints(
        (f.rule, f.path, f.symbol, normalise_line(line_texts.get(f.line, ""))) for f in ordered
    )
    return [replace(f, fingerprint=p) for f, p in zip(ordered, prints, strict=True)]
