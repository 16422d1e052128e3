"""Inline ignores and the configured allow-list; ignores that match nothing are findings."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping

from codehealth.boundaries.check import IGNORE_WITHOUT_REASON, UNUSED_IGNORE
from codehealth.boundaries.statements import InlineIgnore
from codehealth.core import AllowEntry, Finding, Violation


def apply_ignores(
    violations: Iterable[Violation],
    inline: Mapping[str, list[InlineIgnore]],
    allow: tuple[AllowEntry, ...],
    config: tuple[str, list[str]],
    rules: tuple[str, ...],
) -> tuple[list[Violation], int]:
    """The violations that no ignore covers, plus a finding for each ignore without a reason
    and each ignore (inline, or allow entry) that matched nothing; and how many were ignored.
    Only ignores naming one of ``rules`` are this command's business. ``config`` is the path
    and lines of the configuration file holding the allow-list."""
    by_line = {(path, item.line): item for path, items in inline.items() for item in items}
    used: set[tuple[str, int, str]] = set()
    used_allow: set[int] = set()
    kept: list[Violation] = []
    ignored = 0
    for violation in violations:
        finding = violation.finding
        comment = by_line.get((finding.path, finding.line))
        if comment and finding.rule in comment.rules and comment.reason:
            used.add((finding.path, finding.line, finding.rule))
            ignored += 1
            continue
        entry = _allowed(violation, allow)
        if entry is not None:
            used_allow.add(entry)
            ignored += 1
            continue
        kept.append(violation)
    kept.extend(_inline_problems(inline, used, rules))
    kept.extend(_unused_allow(allow, used_allow, config))
    return kept, ignored


def _allowed(violation: Violation, allow: tuple[AllowEntry, ...]) -> int | None:
    for index, entry in enumerate(allow):
        if entry.rule and entry.rule != violation.finding.rule:
            continue
        if fnmatch.fnmatchcase(violation.importer, entry.importer) and fnmatch.fnmatchcase(
            violation.target, entry.target
        ):
            return index
    return None


def _inline_problems(
    inline: Mapping[str, list[InlineIgnore]],
    used: set[tuple[str, int, str]],
    rules: tuple[str, ...],
) -> list[Violation]:
    found: list[Violation] = []
    for path, items in sorted(inline.items()):
        for item in items:
            mine = [rule for rule in item.rules if rule in rules]
            if mine:
                found.extend(_ignore_problems(path, item, mine, used))
    return found


def _ignore_problems(
    path: str, item: InlineIgnore, mine: list[str], used: set[tuple[str, int, str]]
) -> list[Violation]:
    """An inline ignore of ``mine`` rules without a reason, or with rules it did not use."""
    if not item.reason:
        message = (
            f"`codehealth: ignore[{', '.join(mine)}]` has no reason: it ignores nothing "
            "until it says why"
        )
        fix = f"write `# codehealth: ignore[{', '.join(mine)}] because <reason>`"
        return [_problem(IGNORE_WITHOUT_REASON, path, item.line, message, fix)]
    unused = [rule for rule in mine if (path, item.line, rule) not in used]
    if not unused:
        return []
    message = f"unused ignore[{', '.join(unused)}]: nothing to ignore on this line"
    return [_problem(UNUSED_IGNORE, path, item.line, message, "remove it")]


def _unused_allow(
    allow: tuple[AllowEntry, ...], used: set[int], config: tuple[str, list[str]]
) -> list[Violation]:
    path, lines = config
    found: list[Violation] = []
    for index, entry in enumerate(allow):
        if index in used:
            continue
        line = next((n for n, text in enumerate(lines, start=1) if entry.reason in text), 1)
        message = (
            f"allowed import `{entry.importer}` -> `{entry.target}` matches nothing: "
            "the allow-list entry is stale"
        )
        found.append(_problem(UNUSED_IGNORE, path, line, message, "remove the entry"))
    return found


def _problem(rule: str, path: str, line: int, message: str, fix: str) -> Violation:
    return Violation(Finding(rule, path, line, message, fix=fix), "", "", "")
