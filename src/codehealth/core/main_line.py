"""The main line as a list of changes: each first-parent commit (a merge read as the pull
request it merged) with the files it changed against its first parent. Plain values, built
by ``codehealth.adapters.git`` and read by ``codehealth.review``."""

from __future__ import annotations

from typing import NamedTuple


class FileDiff(NamedTuple):
    """One file a change touched: ``status`` A, M, D, R, C or T; ``old_path``/``old_blob``
    the base side ("" when added), ``blob`` the new content's id ("" when deleted);
    ``added``/``deleted`` lines, -1 for a binary file or a blob git cannot read."""

    path: str
    status: str
    old_path: str = ""
    old_blob: str = ""
    blob: str = ""
    added: int = -1
    deleted: int = -1


class MainLineStep(NamedTuple):
    """One commit of HEAD's first-parent line: ``merge`` when it has more parents (its
    change is its diff against the first); ``timestamp`` is the commit time (when it
    landed on the main line), Unix seconds; ``author`` after ``.mailmap``."""

    sha: str
    author: str
    email: str
    timestamp: int
    merge: bool
    root: bool  # no parent: a first commit, or where a shallow clone was cut
