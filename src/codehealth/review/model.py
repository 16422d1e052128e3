"""The review guidance of one change, as plain values (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from codehealth.core import ChangedFile, ReviewLevel


@dataclass(frozen=True, slots=True)
class TouchedHotspot:
    """A hotspot the change touches: ``rank`` among the project's files by commits in the
    window, ``why`` in words, ``functions`` the change edits or adds in it."""

    path: str
    rank: int
    why: str
    functions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MissingCochange:
    """``path`` usually changes with the touched ``with_`` but is not part of the change:
    it changed in ``shared`` of the ``revisions`` commits of ``with_`` in the window
    (``degree`` = shared / revisions), ``example`` a recent commit holding both ("1a2b3c4
    subject")."""

    path: str
    with_: str
    degree: float
    shared: int
    revisions: int
    example: str


@dataclass(frozen=True, slots=True)
class Reviewer:
    """A suggested reviewer: ``share`` of the lines added to the touched hotspot ``files``
    in the window (of their commits when no lines were added)."""

    name: str
    files: tuple[str, ...]
    share: float


@dataclass(frozen=True, slots=True)
class FunctionRise:
    """A touched function whose complexity rose (as the gate's CH501 reads a rise, also
    when the gate only warns)."""

    path: str
    qualname: str
    words: str  # "cognitive complexity"
    before: int
    after: int


@dataclass(frozen=True, slots=True)
class ChangeFacts:
    """What the gate knows of the change (no history): every changed file, the functions it
    edits or adds per file (head-side path), the complexity rises, and the texts of its API
    (CH505), dependency (CH3xx) and size (CH506) findings."""

    changes: tuple[ChangedFile, ...]
    functions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rises: tuple[FunctionRise, ...] = ()
    api: tuple[str, ...] = ()
    dependencies: tuple[str, ...] = ()
    size: str = ""
    complexity: tuple[tuple[str, int], ...] = ()  # head-side path -> cognitive at head
    lines: tuple[tuple[str, int], ...] = ()  # head-side path -> lines added plus removed
    new_complex: tuple[str, ...] = ()  # "a.py: new f: cyclomatic complexity 16 > 10"


@dataclass(frozen=True, slots=True)
class ReviewGuidance:
    """Where a reviewer should look, and how carefully. ``fails``: the level reached
    ``[tool.codehealth.review] fail_at``."""

    level: ReviewLevel
    hotspots: tuple[TouchedHotspot, ...] = ()
    missing_cochanges: tuple[MissingCochange, ...] = ()
    reviewers: tuple[Reviewer, ...] = ()
    notes: tuple[str, ...] = ()
    fails: bool = False
    fail_at: str = ""
