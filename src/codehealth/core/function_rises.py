"""Functions of two versions of a file matched by qualified name, and the complexity rises
among them as the gate reads a rise (pure: the gate's verdict and the review habit's history
judge a change the same way)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from codehealth.core.metrics import FunctionMetrics
from codehealth.core.settings import Thresholds

# metric attribute of FunctionMetrics, threshold field, words, finding rule for "above it"
WATCHED = (
    ("cyclomatic", "cyclomatic", "cyclomatic complexity", "CH101"),
    ("cognitive", "cognitive", "cognitive complexity", "CH102"),
    ("max_nesting", "nesting", "nesting depth", "CH103"),
)


def keyed(functions: Iterable[FunctionMetrics]) -> dict[str, FunctionMetrics]:
    """qualname -> function; a repeated name (a property setter, a conditional def) gets
    ``#2``, ``#3`` in source order."""
    result: dict[str, FunctionMetrics] = {}
    for fn in sorted(functions, key=lambda f: f.lineno):
        key = fn.qualname
        count = 1
        while key in result:
            count += 1
            key = f"{fn.qualname}#{count}"
        result[key] = fn
    return result


def regressions(
    before: Iterable[FunctionMetrics],
    after: Iterable[FunctionMetrics],
    limits: Thresholds,
    step: int,
) -> Iterator[tuple[FunctionMetrics, str, str, int, int, int]]:
    """(function at head, metric, words, before, after, threshold) for each watched metric
    that rose above its threshold or by more than ``step`` while under it. Functions new
    at head are not regressions (their findings above the thresholds are new findings)."""
    old = keyed(before)
    for key, fn in keyed(after).items():
        previous = old.get(key)
        if previous is None:
            continue
        for attribute, field, words, _ in WATCHED:
            was, now = getattr(previous, attribute), getattr(fn, attribute)
            limit = int(getattr(limits, field))
            if now > was and (now > limit or now - was > step):
                yield fn, attribute, words, was, now, limit


def new_over_limits(
    before: Iterable[FunctionMetrics], after: Iterable[FunctionMetrics], limits: Thresholds
) -> Iterator[str]:
    """``new f: cyclomatic complexity 16 > 10`` for each watched metric of a function new at
    head that is above its threshold: a new finding, which needs as careful a review as a
    rise (the review guidance and the review habit word it so)."""
    old = keyed(before)
    for key, fn in keyed(after).items():
        if key in old:
            continue
        for attribute, field, words, _ in WATCHED:
            now, limit = getattr(fn, attribute), int(getattr(limits, field))
            if now > limit:
                yield f"new {fn.qualname}: {words} {now} > {limit}"
