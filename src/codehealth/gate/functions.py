"""Touched functions matched by qualified name (moves within a file and file renames keep
the name), and the complexity regressions among them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from codehealth.core import FunctionMetrics, Thresholds

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


def improvements(
    before: Iterable[FunctionMetrics], after: Iterable[FunctionMetrics]
) -> Iterator[str]:
    """Words for each matched function whose cognitive or cyclomatic complexity fell, and
    for each function removed."""
    new = keyed(after)
    for key, fn in keyed(before).items():
        now = new.get(key)
        if now is None:
            continue
        if now.cognitive < fn.cognitive:
            yield f"{fn.qualname}: cognitive complexity {fn.cognitive} → {now.cognitive}"
        elif now.cyclomatic < fn.cyclomatic:
            yield f"{fn.qualname}: cyclomatic complexity {fn.cyclomatic} → {now.cyclomatic}"
