"""What ``codehealth init`` warns about: setups where codehealth would quietly do less than
it seems to. Each warning names the thing and the fix.

- a baseline that git ignores is never committed: CI (a fresh clone) runs without it;
- a ``requires-python`` newer than the running interpreter: files with newer syntax do not
  parse and are left out of every measure.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence

from codehealth.model import NotAnalysed
from codehealth.sources import ignoring_rule

# A clause of a version specifier that sets a lower bound: ">=3.10", "~=3.11", "==3.12.*".
_LOWER_BOUND = re.compile(r"^\s*(?:>=|~=|==|>)\s*v?(\d+(?:\.\d+)*)")
_SHOWN = 5  # files or modules named in a warning; the rest are counted


def baseline_ignored(root: str, baseline: str) -> str | None:
    """A warning when git ignores the baseline file (relative to ``root``)."""
    rule = ignoring_rule(root, baseline)
    if rule is None:
        return None
    return (
        f"git ignores the baseline {baseline} ({rule}), so it is never committed and the "
        f"gate in CI runs without it: add `!{baseline}` to .gitignore (after that line), "
        f"then `git add {baseline}`"
    )


def lower_bound(specifier: str) -> tuple[int, ...] | None:
    """The highest lower bound of a ``requires-python`` specifier, e.g. (3, 10) for
    ``">=3.10, <4"``; None when no clause sets one. Only what PEP 440 specifiers of
    Python versions use: codehealth does not depend on ``packaging``."""
    bounds = []
    for clause in specifier.split(","):
        match = _LOWER_BOUND.match(clause)
        if match:
            bounds.append(tuple(int(part) for part in match.group(1).split(".")))
    return max(bounds, default=None)


def python_too_new(
    requires: str,
    not_analysed: Iterable[NotAnalysed],
    running: Sequence[int] = tuple(sys.version_info[:3]),
) -> str | None:
    """A warning when ``requires`` (``[project] requires-python``) needs a newer Python than
    ``running``: this interpreter cannot parse syntax added since, so such files are left out."""
    bound = lower_bound(requires)
    if bound is None or tuple(running[: len(bound)]) >= bound:
        return None
    wanted = ".".join(map(str, bound))
    here = ".".join(map(str, running))
    failed = sorted(n.path for n in not_analysed if n.reason.startswith("syntax error"))
    if failed:
        named = _listed(failed)
        effect = f"{len(failed)} file(s) did not parse and are not analysed: {named}"
    else:
        effect = "files that use newer syntax will not parse and will not be analysed"
    return (
        f"requires-python is {requires.strip()} but codehealth runs on Python {here}: "
        f"{effect}; run codehealth under Python >= {wanted} "
        f"(install it with `python{'.'.join(map(str, bound[:2]))} -m pip install codehealth`)"
    )


def _listed(names: Sequence[str]) -> str:
    shown = ", ".join(names[:_SHOWN])
    return shown + (f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else "")
