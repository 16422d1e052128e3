"""Facts about copied code: each file's fingerprints and the clone groups found across files.

Pure values. ``Fingerprints`` is a flat tuple of ints (four per fingerprint: hash, token
index, first line, last line): a scan of a large project keeps hundreds of thousands of them,
and the cache stores them as one JSON list per file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

# hash, token index, first line, last line: one fingerprint's fields in ``Fingerprints``
FINGERPRINT_FIELDS = 4
Fingerprints = tuple[int, ...]


class CloneLocation(NamedTuple):
    """One copy: lines ``start``-``end`` (1-based, inclusive) of ``path``."""

    path: str
    start: int
    end: int

    @property
    def lines(self) -> int:
        return self.end - self.start + 1

    def __str__(self) -> str:
        return f"{self.path}:{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class CloneGroup:
    """Code found in two places or more: the same normalised tokens (names and literals
    abstracted, layout and comments ignored). ``tokens``/``lines``: the smallest copy's size.
    Locations are sorted; a generated file may give thousands of them."""

    tokens: int
    lines: int
    locations: tuple[CloneLocation, ...]

    @property
    def count(self) -> int:
        return len(self.locations)


@dataclass(frozen=True, slots=True)
class FileDuplication:
    """How much of one file is a copy: distinct duplicated lines and copies (blocks)."""

    path: str
    lines: int
    blocks: int
    total_lines: int

    @property
    def density(self) -> float:
        """Duplicated lines as a percentage of the file's lines."""
        return 100.0 * self.lines / self.total_lines if self.total_lines else 0.0


@dataclass(frozen=True, slots=True)
class Duplication:
    """Every clone group of a project, and the duplicated lines of each file that has any.
    ``skipped``: (path, why) of the files that could not be tokenised."""

    groups: tuple[CloneGroup, ...] = ()
    files: tuple[FileDuplication, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    min_tokens: int = 0  # the settings the groups were found with (0: detector off)
    min_lines: int = 0

    @property
    def lines(self) -> int:
        return sum(f.lines for f in self.files)

    @property
    def blocks(self) -> int:
        return sum(f.blocks for f in self.files)
