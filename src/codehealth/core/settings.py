"""Validated settings: what ``[tool.codehealth]`` says, with defaults filled in."""

from __future__ import annotations

from dataclasses import dataclass, field

from codehealth.core.boundary_settings import BoundarySettings
from codehealth.core.django_settings import DjangoSettings
from codehealth.core.duplication_settings import DuplicationSettings
from codehealth.core.history_settings import HistorySettings
from codehealth.core.review_settings import ReviewSettings
from codehealth.core.tests_settings import TestSettings

DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".codehealth",
    "node_modules",
    "build",
    "dist",
    ".eggs",
    "*.egg-info",
    "site-packages",
)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Per-function limits (and two per-file ones). A value above the limit is a violation;
    for ``maintainability`` a value below it is."""

    cyclomatic: int = 10
    cognitive: int = 15
    nesting: int = 4
    parameters: int = 6
    function_length: int = 80
    file_lines: int = 1000
    maintainability: float = 10.0


@dataclass(frozen=True, slots=True)
class DebtSettings:
    """``[tool.codehealth.debt]``: the SQALE cost model and the linters that feed it.

    ``costs`` and ``minutes_per_point`` override the catalogue: keys are rule ids (``CH101``)
    or lint codes and prefixes (``F401``, ``E``). ``ruff`` and ``flake8`` are ``"auto"``,
    ``"off"`` or the command to run (flake8's ``"auto"``: only when the project configures it).
    """

    minutes_per_line: float = 30.0
    costs: tuple[tuple[str, float], ...] = ()
    minutes_per_point: tuple[tuple[str, float], ...] = ()
    ruff: str = "auto"
    flake8: str = "auto"


@dataclass(frozen=True, slots=True)
class GateSettings:
    """``[tool.codehealth.gate]``: what `codehealth gate` fails on and what it only flags.

    ``complexity_step``: a touched function already over its threshold fails from a rise
    of this much (a smaller rise is shown as a warning); one within it is judged only in
    strict mode, where a rise of more than this fails. ``debt_min_minutes``/``debt_min_percent``:
    a file's debt rise from findings that grew fails only when it is at least this many
    minutes and this share of the file's debt. ``strictness``: ``"default"``, or
    ``"strict"`` (every rise fails, tests are held to production limits, rule-specific
    suppressions fail). ``max_changed_lines``/``max_changed_files``: above either, a change
    is flagged as hard to review. ``baseline``: the baseline file at the repository root.
    ``max_new_duplication``: the percentage of a change's added lines (in touched production
    files) that may be copies of code elsewhere; above it, each new copy fails (CH510).
    ``min_changed_coverage``: with coverage data, the share (%) of the changed statements the
    tests must run (0: off; 80 is the usual choice). ``max_uncovered_complex_lines``: with
    coverage data, how many changed statements may go untested inside functions over the
    cyclomatic threshold (None: off).
    """

    complexity_step: int = 3
    debt_min_minutes: int = 15
    debt_min_percent: int = 5
    strictness: str = "default"
    require_improvement: bool = False
    fail_on_api_change: bool = False
    fail_on_large_change: bool = False
    max_changed_lines: int = 400
    max_changed_files: int = 25
    baseline: str = ".codehealth-baseline"
    max_new_duplication: int = 3
    min_changed_coverage: int = 0
    max_uncovered_complex_lines: int | None = None

    @property
    def strict(self) -> bool:
        return self.strictness == "strict"


STRICTNESS = ("default", "strict")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run needs to know about the project. Paths are relative to ``root``."""

    root: str
    roots: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    exclude_migrations: bool = False
    exclude_hidden: bool = True
    exclude_vendored: bool = True
    exclude_generated: bool = True
    cache_dir: str = ".codehealth"
    jobs: int = 0
    thresholds: Thresholds = field(default_factory=Thresholds)
    config_file: str | None = None
    debt: DebtSettings = field(default_factory=DebtSettings)
    history: HistorySettings = field(default_factory=HistorySettings)
    gate: GateSettings = field(default_factory=GateSettings)
    boundaries: BoundarySettings = field(default_factory=BoundarySettings)
    tests: TestSettings = field(default_factory=TestSettings)
    # the coverage data file (relative to the root), "off" for none; None: found at the root
    coverage: str | None = None
    duplication: DuplicationSettings = field(default_factory=DuplicationSettings)
    django: DjangoSettings = field(default_factory=DjangoSettings)
    review: ReviewSettings = field(default_factory=ReviewSettings)

    @property
    def excluded_patterns(self) -> tuple[str, ...]:
        """The exclude globs every use case applies: ``exclude``, plus ``migrations``
        folders when ``exclude_migrations`` is on."""
        return self.exclude + (("migrations",) if self.exclude_migrations else ())


class ConfigError(Exception):
    """Bad configuration or usage: the CLI reports it and exits with code 2."""
