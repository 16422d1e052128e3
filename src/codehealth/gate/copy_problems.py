"""The gate's findings of new copies (CH510): which fail, and what each says."""

from __future__ import annotations

from collections.abc import Mapping

from codehealth.core import Finding, Settings, fingerprint
from codehealth.gate.copies import FileDiff, NewCopy, new_duplication_percent
from codehealth.gate.report import ERROR, NEW_DUPLICATION, WARNING, Problem
from codehealth.gate.signal import lenient_tests


def copy_problems(
    copies: list[NewCopy],
    added: Mapping[str, FileDiff],
    settings: Settings,
    after: Mapping[str, bytes | None],
) -> list[Problem]:
    """A problem for each copy: errors when the judged ones are above the limit."""
    failing, percent = _failing(copies, added, settings)
    return [_problem(c, c in failing, percent, settings, after) for c in copies]


def _failing(
    copies: list[NewCopy], added: Mapping[str, FileDiff], settings: Settings
) -> tuple[list[NewCopy], float]:
    """The copies that fail (none when the production copies are within the limit), and
    the percentage of the added production lines that are new copies."""
    judged = [c for c in copies if not (c.lockstep or lenient_tests(c.copy.path, settings))]
    counted = [diff.added for path, diff in added.items() if not lenient_tests(path, settings)]
    percent = new_duplication_percent(judged, sum(map(len, counted)))
    return (judged if percent > settings.gate.max_new_duplication else []), percent


def _problem(
    copy: NewCopy,
    fails: bool,
    percent: float,
    settings: Settings,
    after: Mapping[str, bytes | None],
) -> Problem:
    lenient = lenient_tests(copy.copy.path, settings)
    message = f"{copy.message}; {_why(copy, lenient, percent, settings)}"
    content = after.get(copy.copy.path) or b""
    lines = content.split(b"\n")
    text = lines[copy.copy.start - 1] if copy.copy.start <= len(lines) else b""
    finding = Finding(
        rule=NEW_DUPLICATION,
        path=copy.copy.path,
        line=copy.copy.start,
        message=message,
        severity="major",
        end_line=copy.copy.end,
        fix="call the existing code instead of copying it (extract a function both use)",
        fingerprint=fingerprint(
            NEW_DUPLICATION, copy.copy.path, "", text.decode("utf-8", "replace"), 0
        ),
    )
    kind = "test code" if lenient else "duplication"
    return Problem(finding, ERROR if fails else WARNING, kind)


def _why(copy: NewCopy, lenient: bool, percent: float, settings: Settings) -> str:
    if lenient:
        return "in test code: a warning ([tool.codehealth.tests] gate = true judges it)"
    if copy.lockstep:
        return f"{copy.original} was a copy at the base and got the same lines: a warning"
    limit = settings.gate.max_new_duplication
    return f"new copies are {percent:.1f} % of the change's added lines" + (
        f" (max_new_duplication = {limit} %)"
    )
