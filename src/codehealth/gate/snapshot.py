"""What the gate compares: the touched files of one revision, and project-wide results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from codehealth.core import ChangedFile, FileMetrics, Finding, FunctionMetrics
from codehealth.gate.interface import Interface


class FindingCollector(Protocol):
    """Findings of ONE file from its content (and its metrics, None when not analysed).

    ``path`` is the path the findings must carry: the head-side path, also when the content
    is the base version of a renamed file, so that fingerprints match across the rename.
    """

    def __call__(self, path: str, source: bytes, metrics: FileMetrics | None) -> list[Finding]:
        """Return the findings with their fingerprints."""


@dataclass(frozen=True, slots=True)
class FileState:
    """One touched file in one revision; ``error`` says why it was not analysed."""

    path: str
    functions: tuple[FunctionMetrics, ...] = ()
    findings: tuple[Finding, ...] = ()
    interface: Interface | None = None
    error: str = ""

    @property
    def debt_minutes(self) -> float:
        return sum(finding.remediation_minutes for finding in self.findings)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """``files``: touched files present in this revision, keyed by their head-side path.
    ``packages``: the interface of the ``__init__.py`` of each package holding a touched
    file (keyed by the ``__init__.py`` path). ``project``: project-wide findings (module
    boundaries, contracts, cycles) compared by fingerprint."""

    label: str
    files: Mapping[str, FileState] = field(default_factory=dict)
    packages: Mapping[str, Interface] = field(default_factory=dict)
    project: tuple[Finding, ...] = ()


def touched_sides(
    base: Snapshot, head: Snapshot, touched: Sequence[ChangedFile]
) -> dict[str, tuple[FileState, FileState]]:
    """Each touched file at both sides, by head-side path (a deleted file by its old one;
    a side without the file: an empty state)."""
    return {
        change.path or change.old_path: (
            base.files.get(change.path or change.old_path, _EMPTY),
            head.files.get(change.path, _EMPTY) if change.path else _EMPTY,
        )
        for change in touched
    }


_EMPTY = FileState("")
