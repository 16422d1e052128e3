"""The few git facts the gate's review guidance asks for besides the cached log: the files
of the base, the change's own commits, who is committing, and a few commits' subjects."""

from __future__ import annotations

from collections.abc import Sequence

from codehealth.adapters.git.log_tokens import decoded
from codehealth.adapters.git.runner import run_git


def tree_paths(root: str, revision: str) -> frozenset[str] | None:
    """Every file path of ``revision`` (None when git cannot list it)."""
    result = run_git(root, "ls-tree", "-r", "-z", "--name-only", "--full-tree", revision)
    if not result.ok:
        return None
    return frozenset(decoded(name) for name in result.stdout.split(b"\0") if name)


def commits_between(root: str, base: str, head: str = "HEAD") -> frozenset[str] | None:
    """The commits of ``base..head`` (the change's own), None when git cannot say."""
    result = run_git(root, "rev-list", f"{base}..{head}", "--")
    return frozenset(result.text().split()) if result.ok else None


def committer_name(root: str) -> str:
    """The name the next commit is authored by, after ``.mailmap`` ("" when unknown)."""
    ident = run_git(root, "var", "GIT_AUTHOR_IDENT")
    if not ident.ok:
        return ""
    who = ident.text().rpartition(">")[0] + ">"  # drop the timestamp and zone
    mapped = run_git(root, "check-mailmap", who)
    text = mapped.text() if mapped.ok else who
    return text.partition("<")[0].strip()


def commit_subjects(root: str, shas: Sequence[str]) -> dict[str, str]:
    """sha -> its subject line (commits git cannot show are left out)."""
    if not shas:
        return {}
    result = run_git(root, "show", "-s", "--no-walk", "--format=%H%x1f%s", *shas, "--")
    if not result.ok:
        return {}
    rows = (line.split("\x1f", 1) for line in result.text().splitlines())
    return {row[0]: row[1] for row in rows if len(row) == 2}
