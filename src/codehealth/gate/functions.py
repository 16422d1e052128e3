"""Touched functions matched by qualified name (moves within a file and file renames keep
the name), the complexity regressions among them and the improvements. The matching and
the regressions live in ``codehealth.core.function_rises``: the review habit judges a past
change's rises the same way."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from codehealth.core import FunctionMetrics
from codehealth.core.function_rises import WATCHED as WATCHED
from codehealth.core.function_rises import keyed as keyed
from codehealth.core.function_rises import new_over_limits as new_over_limits
from codehealth.core.function_rises import regressions as regressions


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
