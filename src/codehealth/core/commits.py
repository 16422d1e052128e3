"""Facts mined from version control: plain values, built by ``codehealth.adapters.git`` and read by
the pure ``codehealth.history``, ``codehealth.plan`` and ``codehealth.gate`` packages.

The history's are NamedTuples, not dataclasses: a long history holds hundreds of thousands
of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

LineRanges = tuple[tuple[int, int], ...]  # line ranges (first, last), inclusive, ascending


@dataclass(frozen=True, slots=True)
class ChangedFile:
    """One entry of ``git diff --name-status -M``: ``status`` is A, M, D, R, C or T.

    ``old_path`` is the path at the base ("" for an added file), ``path`` the path at the
    head ("" for a deleted one).
    """

    status: str
    old_path: str
    path: str


class Change(NamedTuple):
    """One file changed by one commit. ``old_path`` is set for a rename (else ``""``);
    ``added``/``deleted`` are line counts, -1 for a binary file or when not asked for."""

    path: str
    added: int = -1
    deleted: int = -1
    old_path: str = ""


class Commit(NamedTuple):
    """One non-merge commit: who (after ``.mailmap``), when (author time, Unix seconds), what."""

    sha: str
    author: str
    email: str
    timestamp: int
    changes: tuple[Change, ...]


class BlobChange(NamedTuple):
    """One entry of ``git log --raw``: ``blob`` is the new content's id ("" when deleted)."""

    path: str
    blob: str
    status: str  # A, M, D, R, C, T
    old_path: str = ""


class Revision(NamedTuple):
    """A commit of the main line with the blobs it changed (for the metric history)."""

    sha: str
    author: str
    timestamp: int
    changes: tuple[BlobChange, ...]


class Unreadable(NamedTuple):
    """A blob git cannot read (a partial clone without its remote, a pruned object): the
    ``commit`` that changed ``path`` from or to it still counts, its line counts do not."""

    blob: str
    commit: str
    path: str
