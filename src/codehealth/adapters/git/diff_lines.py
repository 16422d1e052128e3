"""The line numbers a change wrote at its head side: what "changed lines" means for
diff-cover's question (are the lines this change wrote tested?) and for new duplication."""

from __future__ import annotations

from collections.abc import Sequence

from codehealth.adapters.git.log_tokens import diff_hunks
from codehealth.adapters.git.revisions import diff_arguments
from codehealth.adapters.git.runner import run_git
from codehealth.core import LineRanges


def changed_head_lines(
    root: str, base: str, target: str, paths: Sequence[str]
) -> dict[str, LineRanges]:
    """head path -> the ranges of lines added or rewritten from ``base`` to ``target``
    (WORKTREE, STAGED or a commit), from one ``git diff -U0``. A file git does not track
    yet has no entry: all of its lines are new. A pure rename has no changed line (give
    ``paths`` both sides' paths: git finds a rename only among the paths it is given)."""
    if not paths:
        return {}
    args = ["diff", "-U0", "-M", "--no-color", "--no-ext-diff", *diff_arguments(base, target)]
    completed = run_git(root, *args, "--", *paths)
    if not completed.ok:  # git missing or failing: the caller reports no changed lines
        return {}
    found = diff_hunks(completed.stdout.split(b"\n"))
    return {
        path: tuple((start, start + count - 1) for _, _, start, count in hunks if count)
        for path, hunks in found.items()
    }
