"""LCOV tracefiles (``lcov.info``: coverage.py's ``coverage lcov``, pytest-cov, most JS tools)."""

from __future__ import annotations

from codehealth.adapters.coverage.errors import CoverageFileError
from codehealth.core import BranchCount, MeasuredFile, RawCoverage


def read_lcov(path: str, text: str, created: float | None) -> RawCoverage:
    """The data of an LCOV tracefile (``SF:``, ``DA:``, ``BRDA:``, ``end_of_record``);
    raises CoverageFileError when it has no record."""
    files: list[MeasuredFile] = []
    record: _Record | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("SF:"):
            record = _Record(line[3:])
        elif record is None:
            continue
        elif line == "end_of_record":
            files.append(record.measured())
            record = None
        elif line.startswith("DA:"):
            record.line(line[3:].split(","))
        elif line.startswith("BRDA:"):
            record.branch(line[5:].split(","))
    if not files:
        raise CoverageFileError(f"{path}: not an LCOV tracefile (no SF: ... end_of_record record)")
    return RawCoverage(
        source=path,
        format="lcov",
        files=tuple(files),
        created=created,
        has_branches=any(f.branches for f in files),
    )


class _Record:
    """One ``SF:`` ... ``end_of_record`` block."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.statements: set[int] = set()
        self.executed: set[int] = set()
        self.exits: dict[int, list[int]] = {}

    def line(self, fields: list[str]) -> None:
        """``DA:<line>,<hits>[,<checksum>]``"""
        number = _int(fields[0])
        if number is None or number < 1 or len(fields) < 2:
            return
        self.statements.add(number)
        if _int(fields[1]):
            self.executed.add(number)

    def branch(self, fields: list[str]) -> None:
        """``BRDA:<line>,<block>,<branch>,<taken or ->`` (the branch name may hold commas)."""
        number = _int(fields[0])
        if number is None or len(fields) < 4:
            return
        counts = self.exits.setdefault(number, [0, 0])
        counts[0] += 1
        counts[1] += fields[-1] not in ("-", "0")

    def measured(self) -> MeasuredFile:
        branches = {n: BranchCount(total, taken) for n, (total, taken) in self.exits.items()}
        lines = frozenset(self.statements)
        return MeasuredFile(self.name, frozenset(self.executed), None, lines, branches)


def _int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None
