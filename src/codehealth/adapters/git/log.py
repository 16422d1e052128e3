"""The history stream: ONE ``git log`` process per pass, parsed while it runs.

Measured (DESIGN.md): a streamed ``git log -z --no-merges -M`` costs what git itself costs;
GitPython's ``Commit.stats`` (a process per commit) and ``--follow`` per file cost 5-13x more
and are not used. ``%aN``/``%aE`` apply ``.mailmap``. Paths are relative to ``root``
(``--relative``), so a project in a sub-folder of a repository works too.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from codehealth.adapters.git.log_tokens import (
    UNIT_SEPARATOR,
    decoded,
    diff_hunks,
    name_status_changes,
    numstat_changes,
    parse_records,
    raw_changes,
)
from codehealth.adapters.git.runner import (
    GitProcess,
    finish_git,
    git_output,
    run_git,
    start_git,
)
from codehealth.core import Change, Commit, ConfigError, Revision

_HEADER = "%x1e%H%x1f%aN%x1f%aE%x1f%at"
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class RepoFacts:
    """What a history run needs to know before it starts."""

    toplevel: str
    head: str  # "" in a repository without commits
    shallow: bool
    remote: str = ""  # remote.origin.url, "" without one: names the repository in a store


def repository_facts(root: str) -> RepoFacts:
    """Facts about the repository holding ``root``; ConfigError (exit 2) outside git."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None:
        raise ConfigError(f"{root}: not a git repository (history needs one: run `git init`)")
    head = _git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}") or ""
    shallow = _git(root, "rev-parse", "--is-shallow-repository") == "true"
    remote = _git(root, "config", "--get", "remote.origin.url") or ""
    return RepoFacts(top, head, shallow, remote)


def first_commit(root: str) -> str:
    """The first commit of HEAD's main line (what two clones of one repository share);
    "" in a shallow clone, whose first commit is only where the clone was cut."""
    if _git(root, "rev-parse", "--is-shallow-repository") != "false":
        return ""
    found = _git(root, "rev-list", "--first-parent", "--max-parents=0", "HEAD")
    return found.split()[-1] if found else ""


def _git(root: str, *args: str) -> str | None:
    """The output of a git command as text; None when it failed or git could not run."""
    result = run_git(root, *args)
    return result.text() if result.ok else None


def stream_commits(
    root: str,
    *,
    since: int | None = None,
    revisions: str = "HEAD",
    line_counts: bool = True,
) -> Iterator[Commit]:
    """Non-merge commits reachable from ``revisions``, newest first, with renames detected.

    ``line_counts`` asks for ``--numstat`` (added/deleted lines); without it the cheaper
    ``--name-status`` is used and counts are -1.
    """
    parse = numstat_changes if line_counts else name_status_changes
    for header, body in _records(root, [*_commit_args(since, line_counts), revisions, "--"]):
        yield _commit(header, body, parse)


def _commit_args(since: int | None, line_counts: bool) -> list[str]:
    args = ["log", "-z", "--no-merges", "-M", "--relative", f"--format={_HEADER}"]
    args.append("--numstat" if line_counts else "--name-status")
    if since is not None:
        args.append(f"--since={since}")
    return args


def _commit(
    header: bytes, body: list[bytes], parse: Callable[[list[bytes]], tuple[Change, ...]]
) -> Commit:
    sha, author, email, when = header.split(UNIT_SEPARATOR)
    return Commit(decoded(sha), decoded(author), decoded(email), int(when or 0), parse(body))


def stream_revisions(root: str, revisions: str = "HEAD") -> Iterator[Revision]:
    """The main line (first parents), oldest first, each with the blobs it changed against
    its first parent (merges included: on the main line a merge is one step)."""
    args = [
        "log",
        "-z",
        "--first-parent",
        "--diff-merges=first-parent",
        "--reverse",
        "--raw",
        "--no-abbrev",
        "-M",
        "--relative",
        f"--format={_HEADER}",
        revisions,
        "--",
    ]
    for header, body in _records(root, args):
        sha, author, _email, when = header.split(UNIT_SEPARATOR)
        yield Revision(decoded(sha), decoded(author), int(when or 0), raw_changes(body))


def count_commits(root: str, revisions: str = "HEAD") -> int:
    """How many commits ``revisions`` names (first parents only), for progress and notes."""
    out = _git(root, "rev-list", "--first-parent", "--count", revisions)
    return int(out) if out and out.isdigit() else 0


def is_ancestor(root: str, older: str, newer: str) -> bool:
    return run_git(root, "merge-base", "--is-ancestor", older, newer).ok


def _records(
    root: str, args: Sequence[str], separator: bytes | None = b"\0"
) -> Iterator[tuple[bytes, list[bytes]]]:
    """(header, tokens after it) per commit, read as git writes them. Tokens are separated
    by NUL (``-z``) or, with ``separator=None``, are lines."""
    process = _start(root, args)
    stdout = process.stdout
    assert stdout is not None
    try:
        yield from parse_records(iter(lambda: stdout.read(_CHUNK), b""), separator)
    finally:
        finish_git(process, args)


def _start(root: str, args: Sequence[str]) -> GitProcess:
    return start_git(root, ["-c", "core.quotepath=off", *args])


class PrefetchedLog:
    """``stream_commits`` started now and read by a thread while the caller does other work
    (the scan): git's own time, the floor, overlaps with ours. ``commits()`` parses it."""

    def __init__(self, root: str, *, line_counts: bool = True) -> None:
        self._args = [*_commit_args(None, line_counts), "HEAD", "--"]
        self._line_counts = line_counts
        self._process = _start(root, self._args)
        self._chunks: list[bytes] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        for chunk in iter(lambda: stdout.read(_CHUNK), b""):
            self._chunks.append(chunk)

    def commits(self) -> Iterator[Commit]:
        self._reader.join()
        finish_git(self._process, self._args)
        chunks, self._chunks = self._chunks, []
        parse = numstat_changes if self._line_counts else name_status_changes
        for header, body in parse_records(chunks, b"\0"):
            yield _commit(header, body, parse)


def stream_hunks(
    root: str, paths: Sequence[str], *, since: int | None = None
) -> Iterator[tuple[str, dict[str, list[tuple[int, int, int, int]]]]]:
    """Per non-merge commit touching ``paths`` (newest first): its id and path -> ``-U0`` hunks
    ``(old_start, old_count, new_start, new_count)``. One ``git log -p`` for all the paths."""
    if not paths:
        return
    args = ["log", "-p", "-U0", "--no-merges", "-M", "--relative", "--format=%x1e%H"]
    args += ["--no-color", "--no-ext-diff"]
    if since is not None:
        args.append(f"--since={since}")
    for header, body in _records(root, [*args, "HEAD", "--", *paths], separator=None):
        yield decoded(header.strip()), diff_hunks(body)


# "<mode> blob <id>\t<path>\0" of a regular file (100644, 100755): one scan of the listing
# instead of a split per entry (6,890 entries of Django's tree: 12 -> 6 ms)
_TREE_FILE = re.compile(rb"100[0-7]{3} blob ([0-9a-f]+)\t([^\0]*)\0")


# The last trees listed, by (folder, commit id): a commit never changes, and a resident
# process (``codehealth mcp``) gates change after change against the same merge base
# (Django's listing: 30-60 ms a call). Only full commit ids are kept, never a ref.
_TREES: dict[tuple[str, str], dict[str, str]] = {}
_COMMIT_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def tree_blobs(root: str, revision: str) -> dict[str, str]:
    """path -> blob id of every regular file of ``revision`` under ``root``."""
    key = (os.path.abspath(root), revision)
    if key in _TREES:
        return dict(_TREES[key])
    listing = git_output(root, "ls-tree", "-r", "-z", revision)
    found = {decoded(path): sha.decode() for sha, path in _TREE_FILE.findall(listing)}
    if _COMMIT_ID.fullmatch(revision):
        if len(_TREES) >= 2:
            _TREES.pop(next(iter(_TREES)))
        _TREES[key] = found
    return dict(found)


def first_parent_ancestor(root: str, steps: int) -> str | None:
    """The commit ``steps`` first parents below HEAD, None when the history is shorter."""
    return _git(root, "rev-parse", "--verify", "--quiet", f"HEAD~{steps}^{{commit}}")
