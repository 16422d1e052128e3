"""Whether git ignores a path: a baseline that git ignores is never committed, so the gate in
CI (a fresh clone) runs without it."""

from __future__ import annotations

from codehealth.adapters.git.runner import run_git


def ignoring_rule(root: str, path: str) -> str | None:
    """The rule that makes git ignore ``path`` (relative to ``root``), as ``git check-ignore
    -v`` names it: ``SOURCE:LINE:PATTERN``, e.g. ``.gitignore:1:.*``. None when git does not
    ignore it, when ``root`` is not in a git repository, or when git cannot be run."""
    # -q first: -v also answers (exit 0) for a negation pattern that un-ignores the path.
    if not run_git(root, "check-ignore", "-q", "--", path).ok:
        return None  # not ignored, not in git, or git is not installed: nothing to warn about
    named = run_git(root, "check-ignore", "-v", "--", path)
    if named.code is None:
        return None
    line = named.stdout.decode("utf-8", "replace").partition("\n")[0]
    return line.partition("\t")[0] or "an ignore rule"
