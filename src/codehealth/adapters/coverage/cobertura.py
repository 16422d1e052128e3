"""Cobertura ``coverage.xml`` (coverage.py's ``coverage xml``, pytest-cov's ``--cov-report
xml``), parsed with defusedxml: entity expansion (billion laughs), external entities and
DTDs are refused."""

from __future__ import annotations

import re
from typing import Any

from codehealth.adapters.coverage.errors import CoverageFileError
from codehealth.core import BranchCount, MeasuredFile, RawCoverage

_CONDITIONS = re.compile(r"\((\d+)/(\d+)\)")


def read_cobertura(path: str, text: bytes) -> RawCoverage:
    """The data of a Cobertura file; raises CoverageFileError when it is not one."""
    root = _parse(path, text)
    if root.tag != "coverage":
        raise CoverageFileError(
            f"{path}: not a Cobertura coverage report (its root element is <{root.tag}>)"
        )
    roots = tuple(name for s in root.iter("source") if (name := (s.text or "").strip()))
    files: dict[str, _Lines] = {}
    for node in root.iter("class"):
        name = node.get("filename")
        if name:
            files.setdefault(name, _Lines()).add(node)
    return RawCoverage(
        source=path,
        format="cobertura",
        files=tuple(lines.measured(name) for name, lines in sorted(files.items())),
        created=_timestamp(root.get("timestamp")),
        has_branches=any(lines.branches for lines in files.values()),
        roots=roots,
    )


def _parse(path: str, text: bytes) -> Any:
    import defusedxml.ElementTree as safe_xml
    from defusedxml import DefusedXmlException

    try:
        return safe_xml.fromstring(text, forbid_dtd=True)
    except DefusedXmlException as error:
        raise CoverageFileError(
            f"{path}: refused: the XML declares entities or a DTD ({type(error).__name__}), "
            "which coverage reports never do"
        ) from error
    except (SyntaxError, ValueError) as error:  # ParseError is a SyntaxError
        raise CoverageFileError(f"{path}: not well-formed XML ({error})") from error


class _Lines:
    """The lines of one file (Cobertura may list a file in several <class> elements)."""

    def __init__(self) -> None:
        self.statements: set[int] = set()
        self.executed: set[int] = set()
        self.branches: dict[int, BranchCount] = {}

    def add(self, node: Any) -> None:
        for line in node.iter("line"):
            number = _whole(line.get("number"))
            if number is None or number < 1:
                continue
            self.statements.add(number)
            if (_whole(line.get("hits")) or 0) > 0:
                self.executed.add(number)
            if line.get("branch") == "true":
                found = _CONDITIONS.search(line.get("condition-coverage") or "")
                if found:
                    taken, total = int(found.group(1)), int(found.group(2))
                    self.branches[number] = BranchCount(total, min(taken, total))

    def measured(self, name: str) -> MeasuredFile:
        return MeasuredFile(
            name,
            frozenset(self.executed),
            statements=frozenset(self.statements),
            branches=self.branches,
        )


def _whole(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _timestamp(text: str | None) -> float | None:
    """Cobertura's timestamp is in milliseconds since the epoch."""
    try:
        return float(text) / 1000 if text else None
    except ValueError:
        return None
