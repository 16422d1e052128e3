"""Refactor targets: the debt of a file or function, what it pays back, what to do, who knows it.

payoff = changes in the window x debt minutes: debt in code nobody touches costs nothing
day to day; debt in code that changes every week is paid again at every change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# The refactoring each rule asks for, in a word; the catalogue's ``fix`` says it in full.
REFACTORINGS = {
    "CH101": "extract function",
    "CH102": "flatten + extract function",
    "CH103": "guard clauses (flatten nesting)",
    "CH104": "introduce parameter object",
    "CH105": "extract function",
    "CH106": "split module",
    "CH107": "extract function",
    "CH201": "resolve TODO",
    "CH202": "fix FIXME",
    "CH203": "remove HACK",
    "CH204": "resolve XXX",
    "CH205": "name or fix noqa",
    "CH206": "fix the suppressed finding",
    "CH207": "fix the types",
    "CH208": "test or delete",
    "CH209": "fix the types",
    "CH601": "test it (or split it)",
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place with debt, as the debt package groups it (a symbol, or a file's top level)."""

    path: str
    symbol: str
    line: int
    minutes: float
    rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlanTarget:
    path: str
    symbol: str  # "" = the file itself
    line: int
    effort_minutes: float
    changes: int  # commits in the window that touched it (the file's, for a symbol not ranked)
    payoff: float  # changes x debt minutes
    rules: tuple[str, ...]
    refactorings: tuple[str, ...]
    fixes: tuple[str, ...]  # the catalogue's advice for each rule
    experts: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.path}::{self.symbol}" if self.symbol else self.path


def build_targets(
    candidates: Sequence[Candidate],
    file_changes: Mapping[str, int],
    function_changes: Mapping[tuple[str, str], int],
    experts: Mapping[str, tuple[str, ...]],
    fixes: Mapping[str, str],
) -> list[PlanTarget]:
    """Every candidate that changed in the window, the best payoff first."""
    targets = []
    for item in candidates:
        changes = function_changes.get((item.path, item.symbol))
        if changes is None:
            changes = file_changes.get(item.path, 0)
        if changes <= 0 or item.minutes <= 0:
            continue
        refactorings = _unique(REFACTORINGS.get(rule, _lint(rule)) for rule in item.rules)
        targets.append(
            PlanTarget(
                path=item.path,
                symbol=item.symbol,
                line=item.line,
                effort_minutes=item.minutes,
                changes=changes,
                payoff=round(changes * item.minutes, 2),
                rules=item.rules,
                refactorings=refactorings,
                fixes=_unique(fixes[rule] for rule in item.rules if rule in fixes),
                experts=experts.get(item.path, ()),
            )
        )
    targets.sort(key=lambda t: (-t.payoff, t.path, t.line))
    return targets


def _lint(rule: str) -> str:
    return "fix lint findings" if ":" in rule else "see `codehealth rules " + rule + "`"


def _unique(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(texts))
