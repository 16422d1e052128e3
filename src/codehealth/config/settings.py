"""Validated settings: what ``[tool.codehealth]`` says, with defaults filled in."""

from __future__ import annotations

from dataclasses import dataclass, field

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
class Settings:
    """Everything a run needs to know about the project. Paths are relative to ``root``."""

    root: str
    roots: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    exclude_migrations: bool = False
    cache_dir: str = ".codehealth"
    jobs: int = 0
    thresholds: Thresholds = field(default_factory=Thresholds)
    config_file: str | None = None


class ConfigError(Exception):
    """Bad configuration or usage: the CLI reports it and exits with code 2."""
