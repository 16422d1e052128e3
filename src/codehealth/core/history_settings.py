"""HistorySettings: what ``[tool.codehealth.history]`` says, with defaults (no imports,
so that ``settings.py`` can hold it)."""

from __future__ import annotations

from dataclasses import dataclass

# Non-source files that change all the time and say nothing about the code.
DEFAULT_HISTORY_EXCLUDE = (
    "CHANGELOG*",
    "CHANGES*",
    "HISTORY*",
    "NEWS*",
    "RELEASE*",
    "AUTHORS*",
    "CONTRIBUTORS*",
    "*.lock",
    "package-lock.json",
    "requirements*.txt",
)
DEFAULT_BOTS = (
    "*[bot]*",
    "dependabot*",
    "renovate*",
    "github-actions*",
    "pre-commit-ci*",
    "greenkeeper*",
    "snyk-bot*",
)


@dataclass(frozen=True, slots=True)
class HistorySettings:
    """What the history analyses look at. ``include``/``exclude`` are globs on paths (a
    pattern without ``/`` matches any path component); ``bots`` are globs on author names
    and e-mails (case-insensitive). Coupling keeps code-maat's thresholds."""

    window: str = "12.months"
    include: tuple[str, ...] = ("*.py",)
    exclude: tuple[str, ...] = DEFAULT_HISTORY_EXCLUDE
    bots: tuple[str, ...] = DEFAULT_BOTS
    huge_commit: int = 30
    coupling_min_revisions: int = 5
    coupling_min_shared: int = 5
    coupling_min_degree: float = 0.30
    module_depth: int = 2
    # a shared PostgreSQL store (postgresql://...); "": .codehealth/history.sqlite
    store: str = ""
    # this repository's name in a shared store; "": its remote (github.com/org/repo)
    name: str = ""
    # a shared store also keeps the boundary summary of HEAD (the portfolio's column)
    boundaries: bool = True
