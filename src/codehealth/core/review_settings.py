"""ReviewSettings: what ``[tool.codehealth.review]`` says, with defaults (no imports, so
that ``settings.py`` can hold it)."""

from __future__ import annotations

from dataclasses import dataclass

LIGHTWEIGHT = "lightweight"
CAREFUL = "careful"
DESIGN = "design"
REVIEW_LEVELS = (LIGHTWEIGHT, CAREFUL, DESIGN)  # in rising order of attention

# What can raise a change's review level, and to which level by default.
HOTSPOT = "hotspot"  # touches one of the project's hotspots
COMPLEXITY = "complexity"  # raises a function's complexity
COCHANGE = "co-change"  # a file that usually changes with a touched one is untouched
API = "api"  # the public API of a module changes
DEPENDENCY = "dependency"  # a new import between modules, or a new cycle
MODULE = "module"  # a new module (package)
SIZE = "size"  # above the gate's size limits
DEFAULT_REASON_LEVELS: tuple[tuple[str, str], ...] = (
    (HOTSPOT, CAREFUL),
    (COMPLEXITY, CAREFUL),
    (COCHANGE, CAREFUL),
    (API, DESIGN),
    (DEPENDENCY, DESIGN),
    (MODULE, DESIGN),
    (SIZE, DESIGN),
)


@dataclass(frozen=True, slots=True)
class ReviewSettings:
    """How changes are sorted into review levels, and what the gate does with them.

    ``levels``: each reason's level (a reason set to ``lightweight`` is still shown but
    raises nothing). ``fail_at``: the gate fails a change at this level or above ("": never).
    ``design_share``: the team's target share of changes that get a design review (the
    "10 %" habit). ``hotspots``: how many of the top-ranked files count as hotspots;
    ``hotspot_min_lines``: the lines a change must alter in one for it to raise the level
    (a typo fixed in the busiest file needs no careful review; the hotspot is still shown).
    ``cochange_min_degree``/``cochange_min_shared``: a file is a missing co-change when it
    changed together with a touched file in at least this share of their commits and this
    many of them. ``cochange_max_files``: a commit of more files is no evidence for a
    missing co-change (a sweep across the package couples everything it touches).
    ``reviewers``: how many suggested reviewers to name.
    """

    levels: tuple[tuple[str, str], ...] = DEFAULT_REASON_LEVELS
    fail_at: str = ""
    design_share: float = 0.10
    hotspots: int = 10
    hotspot_min_lines: int = 20
    cochange_min_degree: float = 0.5
    cochange_min_shared: int = 5  # as hotspots' coupling (code-maat): 3 was noise (bench)
    cochange_max_files: int = 10
    reviewers: int = 3

    def level_of(self, reason: str) -> str:
        """The level a reason raises a change to (lightweight for an unknown one)."""
        return dict(self.levels).get(reason, LIGHTWEIGHT)
