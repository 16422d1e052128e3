"""Base vs head: results compared, not diff lines. Pure."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from codehealth.core import (
    ChangedFile,
    Finding,
    FunctionMetrics,
    GateSettings,
    Settings,
    fingerprint,
)
from codehealth.gate.api import api_changes
from codehealth.gate.functions import WATCHED, improvements, regressions
from codehealth.gate.moves import moved_between_files
from codehealth.gate.report import (
    DEBT_ROSE,
    ERROR,
    LARGE_CHANGE,
    NOT_CLEANER,
    REGRESSION,
    STOPPED_PARSING,
    WARNING,
    FileSummary,
    GateReport,
    Problem,
    ordered_problems,
)
from codehealth.gate.signal import (
    Matched,
    debt_rise_words,
    grown,
    lenient_tests,
    match,
    minutes,
    new_finding,
)
from codehealth.gate.snapshot import FileState, Snapshot, touched_sides

_EMPTY = FileState("")


def compare(
    base: Snapshot,
    head: Snapshot,
    touched: Sequence[ChangedFile],
    settings: Settings,
    *,
    changed_lines: int = 0,
    settings_of: Callable[[str], Settings] | None = None,
) -> GateReport:
    """The verdict on the change from ``base`` to ``head`` (the caller fills in the
    report's mode and notes).

    Both snapshots key their files by the head-side path (a deleted file by its old path):
    a renamed file is compared with its old self. ``settings_of``: the settings of the
    project holding a file, in a repository of several (else ``settings`` for every file).
    """
    policy = settings.gate
    problems: list[Problem] = []
    summaries: list[FileSummary] = []
    sides = touched_sides(base, head, touched)
    matched = moved_between_files(
        {key: match(before.findings, after.findings) for key, (before, after) in sides.items()}
    )
    for change in touched:
        key = change.path or change.old_path
        before, after = sides[key]
        own = settings_of(key) if settings_of is not None else settings
        lenient = lenient_tests(key, own)
        found, summary = _compare_file(change, before, after, matched[key], own, lenient)
        problems.extend(found)
        if before.path or after.path:
            summaries.append(summary)
    problems.extend(_project(base.project, head.project))
    level = ERROR if policy.fail_on_api_change else WARNING
    problems.extend(Problem(f, level, "design review") for f in api_changes(base, head))
    problems.extend(_size(touched, changed_lines, policy))
    return GateReport(
        "base",
        base.label,
        head.label,
        ordered_problems(problems),
        tuple(sorted(summaries, key=lambda s: s.path or s.old_path)),
        changed_lines,
        len(touched),
    )


Rise = tuple[FunctionMetrics, str, str, int, int, int]  # as ``regressions`` yields them


@dataclass(frozen=True, slots=True)
class _FileChange:
    """One touched file at both sides, its findings matched, its functions' complexity
    rises and its new findings (annotated with the rise)."""

    path: str
    before: FileState
    after: FileState
    found: Matched
    rises: list[Rise]
    fresh: list[Finding]


def _compare_file(
    change: ChangedFile,
    before: FileState,
    after: FileState,
    found: Matched,
    settings: Settings,
    lenient_tests: bool,
) -> tuple[list[Problem], FileSummary]:
    path = change.path or change.old_path
    limits, policy = settings.thresholds, settings.gate
    rises = list(regressions(before.functions, after.functions, limits, policy.complexity_step))
    compared = _FileChange(path, before, after, found, rises, _annotate(list(found.new), rises))
    problems = [_stopped_parsing(path, before, after)] if after.path and after.error else []
    problems.extend(new_finding(f, policy, lenient_tests) for f in compared.fresh)
    if not lenient_tests:
        problems.extend(_rises_and_debt(compared, policy))
    return problems, _summary(change, compared)


def _rises_and_debt(compared: _FileChange, policy: GateSettings) -> list[Problem]:
    """The complexity rises no new finding tells of, then the file's debt growth (less the
    findings that grew with a rise already told)."""
    covered = {(f.symbol, f.rule) for f in compared.fresh}
    problems = [
        _rise(compared.path, rise, policy)
        for rise in compared.rises
        if (rise[0].qualname, _rule_of(rise[1])) not in covered  # the finding says it
    ]
    rose = {(rise[0].qualname, _rule_of(rise[1])) for rise in compared.rises}
    kept = grown(compared.found.kept)
    grew = [pair for pair in kept if (pair[1].symbol, pair[1].rule) not in rose]
    problems.extend(_debt(compared.path, compared.before, compared.after, grew, policy))
    return problems


def _summary(change: ChangedFile, compared: _FileChange) -> FileSummary:
    found = compared.found
    better = [f"fixed {f.rule}{_in(f.symbol)}: {f.message}" for f in found.fixed]
    better += list(improvements(compared.before.functions, compared.after.functions))
    return FileSummary(
        change.path,
        change.old_path,
        change.status,
        compared.before.debt_minutes,
        compared.after.debt_minutes,
        len(compared.fresh),
        len(found.fixed),
        tuple(better),
    )


def _rule_of(attribute: str) -> str:
    return next(rule for name, _, _, rule in WATCHED if name == attribute)


def _rise(path: str, rise: Rise, policy: GateSettings) -> Problem:
    """A complexity regression of a function that existed at the base. Unless strict, two
    kinds are shown as warnings (replayed merged commits: their reviewers accepted them): a
    rise that stays within the threshold (the team's own yardstick says the function is
    fine), and a rise of less than ``complexity_step`` in a function already over it (a
    branch added to a long function: the usual bug fix)."""
    fn, attribute, words, was, now, limit = rise
    step = policy.complexity_step
    if now <= limit:  # CodeScene and SonarQube judge a function only above its threshold
        small = not policy.strict
        why = f"a rise of more than {step}, still within the threshold {limit}"
    else:
        small = was > limit and now - was < step and not policy.strict
        why = f"above the threshold {limit}"
        if small:
            why = f"already above the threshold {limit}; fails from a rise of {step}"
    finding = Finding(
        REGRESSION,
        path,
        fn.lineno,
        f"{fn.qualname}: {words} rose {was} → {now} ({why})",
        "major",
        symbol=fn.qualname,
        end_line=fn.end_lineno,
        fix="simplify the function back: extract helpers, return early",
        fingerprint=fingerprint(REGRESSION, path, fn.qualname, attribute, 0),
    )
    return Problem(finding, WARNING if small else ERROR, "complexity")


def _in(symbol: str) -> str:
    return f" in {symbol}" if symbol else ""


def _annotate(fresh: list[Finding], rises: list[Rise]) -> list[Finding]:
    """A new complexity finding of a function that existed says what it was before."""
    was: dict[tuple[str, str], int] = {}
    for fn, attribute, _, before, _, _ in rises:
        rule = next(r for a, _, _, r in WATCHED if a == attribute)
        was[(fn.qualname, rule)] = before
    return [
        replace(f, message=f"{f.message} (was {was[(f.symbol, f.rule)]} at the base)")
        if (f.symbol, f.rule) in was
        else f
        for f in fresh
    ]


def _stopped_parsing(path: str, before: FileState, after: FileState) -> Problem:
    if before.path and not before.error:
        message = f"parsed at the base but not any more: {after.error}"
    else:
        message = f"cannot be analysed: {after.error}"
    return Problem(
        Finding(
            STOPPED_PARSING,
            path,
            1,
            message,
            "blocker",
            fix="fix the syntax error (or, for generated files, exclude them in [tool.codehealth])",
            fingerprint=fingerprint(STOPPED_PARSING, path, "", "", 0),
        ),
        ERROR,
        "parse",
    )


def _debt(
    path: str,
    before: FileState,
    after: FileState,
    grew: list[tuple[Finding, Finding]],
    policy: GateSettings,
) -> list[Problem]:
    """An added file's findings are all new findings already; a deleted one has no debt."""
    if not (before.path and after.path):
        return []
    before_minutes, after_minutes = before.debt_minutes, after.debt_minutes
    message = debt_rise_words(before_minutes, after_minutes, grew, policy)
    rule = DEBT_ROSE
    if message is None:
        paid = after_minutes < before_minutes - 1e-6
        if paid or not (policy.require_improvement and before_minutes > 0):
            return []
        rule = NOT_CLEANER
        message = (
            f"carries {minutes(before_minutes)} of debt and none of it was paid off "
            "(require_improvement): fix one finding in it"
        )
    finding = Finding(
        rule,
        path,
        1,
        message,
        "major",
        fix="fix a finding of this file (codehealth debt lists them)",
        fingerprint=fingerprint(rule, path, "", "", 0),
    )
    return [Problem(finding, ERROR, "debt")]


def _project(before: Iterable[Finding], after: Iterable[Finding]) -> list[Problem]:
    old = {f.fingerprint for f in before}
    return [Problem(f, ERROR, "boundaries") for f in after if f.fingerprint not in old]


def _size(touched: Sequence[ChangedFile], lines: int, policy: GateSettings) -> list[Problem]:
    too_many = len(touched) > policy.max_changed_files
    too_long = lines > policy.max_changed_lines
    if not (too_many or too_long):
        return []
    message = (
        f"a large change ({len(touched)} files, {lines} changed lines; limits "
        f"{policy.max_changed_files} files, {policy.max_changed_lines} lines): hard to review, "
        "consider splitting it"
    )
    finding = Finding(
        LARGE_CHANGE,
        "",
        0,
        message,
        "info",
        fix="split the change into smaller pull requests",
        fingerprint=fingerprint(LARGE_CHANGE, "", "", "", 0),
    )
    return [Problem(finding, ERROR if policy.fail_on_large_change else WARNING, "size")]
