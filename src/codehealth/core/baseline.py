"""The baseline: legacy findings accepted by fingerprint, in a merge-friendly text file.

One finding per line, sorted by path, rule, symbol and fingerprint, so two branches that fix
different findings usually merge without a conflict. Only the fingerprint matters for
matching; the other columns are there for people reading a diff of the file.

Format 2 (current)::

    # codehealth-baseline format=2
    <fingerprint>\t<rule>\t<path>\t<symbol>\t<message>

Format 1 (the first one) had three columns, ``<fingerprint>\t<rule>\t<path>``; it is read
and migrated (written back as format 2 by ``codehealth baseline --update``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from codehealth.core.boundary_records import BoundaryReport
from codehealth.core.findings import Finding
from codehealth.core.settings import Settings

BASELINE_FORMAT = FORMAT = 2
BASELINE_HEADER = HEADER = f"# codehealth-baseline format={FORMAT}"
_HEADER = re.compile(r"^# codehealth-baseline format=(\d+)\s*$")
_FINGERPRINT = re.compile(r"^[0-9a-f]{8,64}$")
_COLUMNS = {1: 3, 2: 5}
_INTRO = (
    "# Legacy findings accepted by `codehealth baseline`; `codehealth gate` fails only on",
    "# findings not listed here. Sorted, one per line: fingerprint, rule, path, symbol, message.",
    "# `codehealth baseline --update` removes fixed ones; do not add lines by hand.",
)


class BaselineError(ValueError):
    """The baseline file is not valid: ``line`` is the 1-based line at fault."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass(frozen=True, slots=True, order=True)
class Entry:
    path: str
    rule: str
    symbol: str
    fingerprint: str
    message: str = ""


@dataclass(frozen=True, slots=True)
class Baseline:
    format: int
    entries: tuple[Entry, ...]

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(entry.fingerprint for entry in self.entries)


def parse_baseline(text: str) -> Baseline:
    """Read a baseline file; BaselineError names the line that is wrong."""
    lines = text.splitlines()
    number, version = _header(lines)
    entries: list[Entry] = []
    for index in range(number, len(lines)):
        line = lines[index]
        if not line.strip() or line.startswith("#"):
            continue
        entries.append(_entry(line, index + 1, version))
    return Baseline(version, tuple(sorted(set(entries))))


def _header(lines: Sequence[str]) -> tuple[int, int]:
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _HEADER.match(line)
        if match is None:
            raise BaselineError(
                index + 1,
                f"expected the header {HEADER!r}: this is not a codehealth baseline "
                "(or its first line was edited); recreate it with `codehealth baseline`",
            )
        version = int(match.group(1))
        if version > FORMAT:
            raise BaselineError(
                index + 1,
                f"format {version} was written by a newer codehealth (this one reads "
                f"formats 1 to {FORMAT}): upgrade codehealth",
            )
        if version not in _COLUMNS:
            raise BaselineError(index + 1, f"unknown baseline format {version}")
        return index + 1, version
    raise BaselineError(1, f"the file is empty: expected the header {HEADER!r}")


def _entry(line: str, number: int, version: int) -> Entry:
    columns = line.split("\t")
    wanted = _COLUMNS[version]
    if len(columns) != wanted:
        raise BaselineError(
            number,
            f"expected {wanted} tab-separated columns (fingerprint, rule, path"
            f"{', symbol, message' if version == 2 else ''}), found {len(columns)}: {line[:80]!r}",
        )
    fingerprint, rule, path = columns[0].strip(), columns[1].strip(), columns[2]
    if not _FINGERPRINT.match(fingerprint):
        raise BaselineError(number, f"{fingerprint[:40]!r} is not a fingerprint (hex digits)")
    if not rule:
        raise BaselineError(number, "the rule column is empty")
    symbol, message = (columns[3], columns[4]) if version == 2 else ("", "")
    return Entry(path, rule, symbol, fingerprint, message)


def entry_of(finding: Finding) -> Entry:
    return Entry(
        _clean(finding.path),
        finding.rule,
        _clean(finding.symbol),
        finding.fingerprint,
        _clean(finding.message)[:200],
    )


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def format_baseline(entries: Iterable[Entry]) -> str:
    body = [
        "\t".join((e.fingerprint, e.rule, e.path, e.symbol, e.message))
        for e in sorted(set(entries))
    ]
    return "\n".join((HEADER, *_INTRO, *body)) + "\n"


def split_by_baseline(
    findings: Iterable[Finding], baseline: Baseline, unknown: Collection[str] = ()
) -> tuple[list[Finding], list[Finding], list[Entry]]:
    """(new findings, findings the baseline accepts, baseline entries no longer found). The
    files in ``unknown`` could not be analysed: none of their findings or entries count."""
    known = baseline.fingerprints
    new: list[Finding] = []
    accepted: list[Finding] = []
    seen: set[str] = set()
    for finding in findings:
        if finding.path in unknown:
            continue
        seen.add(finding.fingerprint)
        (accepted if finding.fingerprint in known else new).append(finding)
    gone = _kept_and_gone(baseline.entries, seen, unknown)[1]
    return new, accepted, gone


def _kept_and_gone(
    entries: Iterable[Entry], found: Collection[str], unknown: Collection[str]
) -> tuple[list[Entry], list[Entry]]:
    """Entries still found (or in a file not analysed today), and the others."""
    kept: list[Entry] = []
    gone: list[Entry] = []
    for entry in entries:
        (kept if entry.fingerprint in found or entry.path in unknown else gone).append(entry)
    return kept, gone


@dataclass(frozen=True, slots=True)
class Update:
    """The baseline after an update, and what changed."""

    entries: tuple[Entry, ...]
    removed: tuple[Entry, ...]
    added: tuple[Entry, ...]
    refused: int  # new findings not added (no --allow-new)


def update_baseline(
    baseline: Baseline | None,
    findings: Iterable[Finding],
    allow_new: bool,
    unknown: Collection[str] = (),
) -> Update:
    """Remove entries that are fixed; add new findings only when ``allow_new``. The files in
    ``unknown`` could not be analysed today (a syntax error): their entries are kept and
    their findings neither added nor refused, since which of them are fixed is unknown."""
    current = {f.fingerprint: entry_of(f) for f in findings if f.path not in unknown}
    if baseline is None:
        return Update(tuple(sorted(current.values())), (), tuple(sorted(current.values())), 0)
    kept, removed = _kept_and_gone(baseline.entries, current, unknown)
    known = baseline.fingerprints
    fresh = sorted(e for fp, e in current.items() if fp not in known)
    added = fresh if allow_new else []
    # Refresh the readable columns of kept entries (they may have been written by format 1).
    kept = [current.get(e.fingerprint, e) for e in kept]
    return Update(
        tuple(sorted({*kept, *added})),
        tuple(removed),
        tuple(added),
        0 if allow_new else len(fresh),
    )


@dataclass(frozen=True, slots=True)
class BaselineSplit:
    """How many of a check's findings the baseline accepts; ``name`` is its file name."""

    name: str
    new: int
    accepted: int

    def note(self) -> str:
        return (
            f"baseline {self.name}: {self.accepted} finding(s) accepted, "
            f"{self.new} new (only new findings fail; --no-baseline to see them all fail)"
        )


def split_boundaries(
    report: BoundaryReport, settings: Settings, accepted: frozenset[str]
) -> BaselineSplit:
    """Boundary findings against the baseline (a broken contract's chains are CH305 findings)."""
    new = sum(v.finding.fingerprint not in accepted for v in report.violations)
    return BaselineSplit(settings.gate.baseline, new, len(report.violations) - new)
