"""Missing co-changes: files that usually change with a touched file but not in this change
(pure).

A pair counts as the ``hotspots`` command's change coupling counts it (``coupling_of``:
shared commits over the two files' average revisions in the window) with the review's
thresholds ``cochange_min_degree`` and ``cochange_min_shared``, and the partner must also
have changed in ``cochange_min_degree`` of the touched file's own commits: a hot file is not
told about a helper that changed with it a few times (its ``degree`` here is that share, the
question "when this file changes, does that one too?"). Commits of more than
``cochange_max_files`` files (or ``[tool.codehealth.history] huge_commit``) are no evidence:
measured on httpx's last 100 commits, sweeps of 10-30 files (a deprecation across the
package, a formatting pass) made 105 of 124 warnings. What a reviewer would dismiss is left
out: test files on either side (a module changed without its tests is the gate's coverage
question, not a forgotten file), a package's ``__init__.py`` on either side (it changes with
whichever of its modules' API changes, so its pairs say little about one change; the gate's
API check, CH505, tells of the API), files the history excludes (CHANGELOG and the like),
files that no longer exist, and files the change touches.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Collection, Sequence

from codehealth.core import Commit, ReviewSettings
from codehealth.history import coupling_of
from codehealth.review.model import ChangeFacts, MissingCochange


def missing_cochanges(
    commits: Sequence[Commit],
    facts: ChangeFacts,
    alive: Collection[str],
    settings: ReviewSettings,
    huge_commit: int,
) -> list[MissingCochange]:
    """The untouched partners of the touched files, the strongest first (one row per
    partner: its strongest touched file). ``commits``: the window's, newest first, under
    the files' names at the base; ``alive``: the files that may be named (at the base, not
    tests). The example is the newest shared commit's sha (the caller words it)."""
    named, head_name, focus = _named(facts, alive)
    huge = min(huge_commit, settings.cochange_max_files)
    pairs = coupling_of(
        focus,
        commits,
        alive=named,
        huge_commit=huge,
        min_shared=settings.cochange_min_shared,
        min_degree=settings.cochange_min_degree,
    )
    own = _revisions(commits, focus, named, huge)
    touched = _touched(facts)
    found: dict[str, MissingCochange] = {}
    for pair in pairs:  # strongest first: the first row of a partner is kept
        mine, other = (
            (pair.first, pair.second) if pair.first in focus else (pair.second, pair.first)
        )
        share = pair.shared / own[mine]
        if share >= settings.cochange_min_degree and other not in touched | found.keys():
            example = _newest_shared(commits, mine, other, huge)
            found[other] = MissingCochange(
                other, head_name[mine], share, pair.shared, own[mine], example
            )
    return sorted(found.values(), key=lambda row: (-row.degree, -row.shared, row.path))


def _revisions(
    commits: Sequence[Commit], focus: Collection[str], named: Collection[str], huge: int
) -> Counter[str]:
    """The commits of each ``focus`` file that count as evidence (as ``coupling_of``
    counts them: of at most ``huge`` files that may be named)."""
    counts: Counter[str] = Counter()
    for commit in commits:
        paths = {change.path for change in commit.changes if change.path in named}
        if len(paths) <= huge:
            counts.update(paths & set(focus))
    return counts


def _named(facts: ChangeFacts, alive: Collection[str]) -> tuple[set[str], dict[str, str], set[str]]:
    """The files that may be named (no ``__init__.py``), each touched file's head-side
    path by its name at the base, and the touched files among those that may be named."""
    named = {path for path in alive if posixpath.basename(path) != "__init__.py"}
    head_name = {c.old_path or c.path: c.path or c.old_path for c in facts.changes}
    return named, head_name, {path for path in head_name if path in named}


def _touched(facts: ChangeFacts) -> set[str]:
    """Both names of every changed file."""
    return {c.path for c in facts.changes} | {c.old_path for c in facts.changes}


def _newest_shared(commits: Sequence[Commit], first: str, second: str, huge: int) -> str:
    """The sha of the newest counted commit changing both files."""
    for commit in commits:
        paths = {change.path for change in commit.changes}
        if {first, second} <= paths and len(paths) <= huge:
            return commit.sha
    return ""
