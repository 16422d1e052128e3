"""The hotspots a change touches (pure).

"Hotspot" here is the cheap reading a gate can afford, not the ``hotspots`` command's
score (which measures the whole project's complexity and debt, 30 s and more on a large
project): a file is a hotspot when it is among the top ``[tool.codehealth.review]
hotspots`` files by commits in the history window (``[tool.codehealth.history] window``,
bots and the history's excluded files left out, renames followed) and changed in at least
``MIN_REVISIONS`` of them. Test files and files that no longer exist are not ranked. The
complexity the gate measured for the touched file is told with it, as the hotspots command
weighs it, but ranks nothing: the gate has not measured the other files.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Mapping

from codehealth.core import ChangedFile
from codehealth.history import FileHistory
from codehealth.review.model import ChangeFacts, TouchedHotspot

MIN_REVISIONS = 3  # a file changed once or twice is no hotspot, however small the project


def touched_hotspots(
    histories: Mapping[str, FileHistory],
    facts: ChangeFacts,
    ranked: Collection[str],
    top: int,
    window: str,
) -> list[TouchedHotspot]:
    """The touched files among the hotspots, hottest first. ``histories``: the window's
    files under their names at the base; ``ranked``: the files that may be hotspots."""
    counts = sorted(-h.window_revisions for p, h in histories.items() if p in ranked)
    functions, complexity = dict(facts.functions), dict(facts.complexity)
    found: list[TouchedHotspot] = []
    for change in facts.changes:
        known = _known(histories, change, ranked)
        if known is None:
            continue
        rank = 1 + bisect.bisect_left(counts, -known.window_revisions)  # those changed more, +1
        if rank <= top and known.window_revisions >= MIN_REVISIONS:
            head_path = change.path or change.old_path
            why = _why(known, rank, window, complexity.get(head_path)) + _what_happens(change)
            found.append(TouchedHotspot(head_path, rank, why, functions.get(head_path, ())))
    found.sort(key=lambda hot: (hot.rank, hot.path))
    return found


def _known(
    histories: Mapping[str, FileHistory], change: ChangedFile, ranked: Collection[str]
) -> FileHistory | None:
    """The history of a touched file that may be a hotspot (an added file has none)."""
    base_path = change.old_path or change.path
    if change.status == "A" or base_path not in ranked:
        return None
    return histories.get(base_path)


def _what_happens(change: ChangedFile) -> str:
    if change.status == "D":
        return "; deleted by this change"
    if change.status == "R" and change.old_path != change.path:
        return f"; renamed from {change.old_path}"
    return ""


def _why(facts: FileHistory, rank: int, window: str, cognitive: int | None) -> str:
    authors = len(facts.window_authors)
    words = (
        f"#{rank} by commits in the window ({window}): changed in {facts.window_revisions} "
        f"commits by {authors} author{'s' if authors != 1 else ''}"
    )
    return words + (f", cognitive complexity {cognitive} now" if cognitive else "")
