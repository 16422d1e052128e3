"""What is material: which of a file's differences fail the gate and which are only shown.

Measured on merged commits of real projects (bench/REPLAY_RESULTS.md): most failures of a
gate that fails on any difference are differences a reviewer dismisses (a debt rise of 0.2
minutes, a long test, a rule-specific ``# noqa: E402``). Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from codehealth.core import Finding, GateSettings, Settings, is_test_path, is_test_rule
from codehealth.gate.report import ERROR, WARNING, Problem

# Suppressions that name what they silence, and coverage pragmas: decisions written down in
# the code (ruff's PGH003/PGH004 target only the blanket kinds). Counted in the debt, shown
# by the gate, failing it only in strict mode.
DOCUMENTED_SUPPRESSIONS = frozenset({"CH206", "CH208", "CH209"})
# Function-level rules whose finding is the function's: matched by rule and function even
# when the ``def`` line (part of the fingerprint) was edited.
_FUNCTION_RULES = frozenset({"CH101", "CH102", "CH103", "CH104", "CH105"})


@dataclass(frozen=True, slots=True)
class Matched:
    """A file's findings at both sides: ``new`` at head only, ``fixed`` at the base only,
    ``kept`` the (base, head) pairs of one finding."""

    new: tuple[Finding, ...]
    fixed: tuple[Finding, ...]
    kept: tuple[tuple[Finding, Finding], ...]


def lenient_tests(path: str, settings: Settings) -> bool:
    """Whether ``path`` is test code judged as tests: its size and complexity findings are
    shown, its complexity rises and debt growth not judged (unless configured or strict)."""
    return not (settings.tests.gate or settings.gate.strict) and is_test_path(path, settings.tests)


def new_finding(finding: Finding, policy: GateSettings, lenient: bool) -> Problem:
    """A new finding fails, except (unless strict) a documented suppression and, in test
    code judged leniently, a size or complexity finding: those are shown as warnings."""
    if lenient and is_test_rule(finding.rule):
        return Problem(finding, WARNING, "test code")
    if finding.rule in DOCUMENTED_SUPPRESSIONS and not policy.strict:
        return Problem(finding, WARNING, "documented suppression")
    return Problem(finding, ERROR, "new finding")


def match(before: Sequence[Finding], after: Sequence[Finding]) -> Matched:
    """Pair findings by fingerprint; then the function-level ones by (rule, function), whose
    ``def`` line may have been edited; then the rest by (rule, message): code moved into
    another function carries its finding along (wagtail 4f57d589dd moved a FIXME into a
    nested function; it was not a new FIXME)."""
    old = {f.fingerprint: f for f in before}
    kept = [(old[f.fingerprint], f) for f in after if f.fingerprint in old]
    paired = {f.fingerprint for pair in kept for f in pair}
    left = [f for f in before if f.fingerprint not in paired]
    unpaired = [f for f in after if f.fingerprint not in paired]
    new, moved = _pair_moved(left, unpaired)
    return Matched(tuple(new), tuple(left), tuple(kept + moved))


def _pair_moved(
    left: list[Finding], unpaired: Sequence[Finding]
) -> tuple[list[Finding], list[tuple[Finding, Finding]]]:
    """The new findings, and those paired with a base finding they moved or changed from."""
    new: list[Finding] = []
    moved: list[tuple[Finding, Finding]] = []
    for finding in unpaired:
        previous = _take(left, finding)
        if previous is None:
            new.append(finding)
        else:
            moved.append((previous, finding))
    return new, moved


def _take(left: list[Finding], finding: Finding) -> Finding | None:
    """Remove and return the unpaired base finding that is ``finding``, if any."""
    same_function = finding.rule in _FUNCTION_RULES and bool(finding.symbol)
    for index, candidate in enumerate(left):
        if candidate.rule != finding.rule:
            continue
        if (same_function and candidate.symbol == finding.symbol) or (
            not same_function and candidate.message == finding.message
        ):
            return left.pop(index)
    return None


def grown(kept: Iterable[tuple[Finding, Finding]]) -> list[tuple[Finding, Finding]]:
    """The kept findings whose cost rose (a longer function, a larger file)."""
    return [(b, a) for b, a in kept if a.remediation_minutes > b.remediation_minutes + 1e-6]


def debt_rise_words(
    before_minutes: float,
    after_minutes: float,
    grew: Sequence[tuple[Finding, Finding]],
    policy: GateSettings,
) -> str | None:
    """The message of a material debt rise of one file, None when it is not material.

    By default the rise must come from findings that grew (new findings fail by
    themselves), by at least ``debt_min_minutes`` and ``debt_min_percent`` of the file's
    debt; in strict mode any rise counts. The message names each finding that grew."""
    rise = after_minutes - before_minutes
    if rise <= 1e-6:
        return None
    growth = sum(a.remediation_minutes - b.remediation_minutes for b, a in grew)
    if not policy.strict:
        share = 100 * growth / before_minutes if before_minutes else 100.0
        if growth < policy.debt_min_minutes or share < policy.debt_min_percent:
            return None
    head = (
        f"debt rose {minutes(before_minutes)} → {minutes(after_minutes)}"
        f" (+{delta(rise)}): leave the file cleaner than you found it"
    )
    if not grew:
        return head
    largest_first = sorted(grew, key=lambda p: p[0].remediation_minutes - p[1].remediation_minutes)
    causes = "; ".join(_grew(b, a) for b, a in largest_first)
    return f"{head}; grew: {causes}"


def _grew(before: Finding, after: Finding) -> str:
    rise = delta(after.remediation_minutes - before.remediation_minutes)
    return f"{after.rule} `{after.message}` (was `{before.message}`, +{rise})"


def minutes(value: float) -> str:
    """A debt figure as a reader compares two of them: minutes under two hours."""
    return f"{value:.0f} min" if value < 120 else f"{value / 60:.1f} h"


def delta(value: float) -> str:
    """A difference in minutes, with the decimal that makes a small one visible."""
    return f"{value:.0f} min" if value >= 10 else f"{value:.1f} min"
