"""HEAD's first-parent line as changes: the list of commits (one cheap ``git log`` without
diffs), and the diffs of the commits asked for (one ``git log --no-walk --stdin``), so that a
caller with a cache reads only the changes it has not seen.

A merge's diff is against its first parent (``--diff-merges=first-parent``): the pull request
it merged, as one change. A blob git cannot read makes ``--numstat`` fail: the diffs are then
read commit by commit and a damaged commit gets its files without line counts (``damaged``).
"""

from __future__ import annotations

from collections.abc import Sequence

from codehealth.adapters.git.log_tokens import UNIT_SEPARATOR, decoded, parse_records
from codehealth.adapters.git.runner import GitError, git_output
from codehealth.core import FileDiff, MainLineStep

_STEP = "%x1e%H%x1f%P%x1f%aN%x1f%aE%x1f%ct"


def main_line_steps(root: str, since: int | None = None) -> list[MainLineStep]:
    """HEAD's first-parent commits, newest first (those committed at or after ``since``)."""
    args = ["log", "--first-parent", f"--format={_STEP}", *_since(since), "HEAD", "--"]
    steps = []
    for header, _ in parse_records([git_output(root, *args)], None):
        sha, parents, author, email, when = header.strip().split(UNIT_SEPARATOR)
        count = len(parents.split())
        steps.append(
            MainLineStep(
                decoded(sha), decoded(author), decoded(email), int(when or 0), count > 1, not count
            )
        )
    return steps


def _since(since: int | None) -> list[str]:
    return [] if since is None else [f"--since={since}"]


def main_line_diffs(
    root: str, shas: Sequence[str]
) -> tuple[dict[str, tuple[FileDiff, ...]], list[str]]:
    """sha -> the files each commit changed against its first parent, and the commits whose
    line counts could not be read (a blob git does not have)."""
    if not shas:
        return {}, []
    try:
        return _diffs(root, shas, counts=True), []
    except GitError:
        pass  # a damaged history: read around the commits whose blobs are missing
    found: dict[str, tuple[FileDiff, ...]] = {}
    damaged: list[str] = []
    for sha in shas:
        try:
            found.update(_diffs(root, [sha], counts=True))
        except GitError:
            found.update(_diffs(root, [sha], counts=False))
            damaged.append(sha)
    return found, damaged


def _diffs(root: str, shas: Sequence[str], counts: bool) -> dict[str, tuple[FileDiff, ...]]:
    args = ["-c", "core.quotepath=off", "log", "--no-walk=unsorted", "--stdin", "-z"]
    args += ["--diff-merges=first-parent", "--raw", "--no-abbrev", "--relative"]
    # without counts nothing may read a blob: no rename detection either
    args += ["--numstat", "-M"] if counts else ["--no-renames"]
    args += ["--format=%x1e%H", "--"]
    request = "".join(f"{sha}\n" for sha in shas).encode("ascii")
    output = git_output(root, *args, stdin=request)
    return {
        decoded(header.strip()): parse_diff(tokens)
        for header, tokens in parse_records([output], b"\0")
    }


def parse_diff(tokens: list[bytes]) -> tuple[FileDiff, ...]:
    """``--raw`` entries (``:modes old new S`` then one path, two for R and C), then the
    ``--numstat`` ones (``added\\tdeleted\\tpath``, or an empty path and old, new)."""
    files: list[FileDiff] = []
    index = 0
    while index < len(tokens) and tokens[index].startswith(b":"):
        fields = tokens[index].split()
        status = decoded(fields[4][:1])
        two = status in ("R", "C")
        old = decoded(tokens[index + 1]) if two else ""
        path = decoded(tokens[index + 2 if two else index + 1])
        files.append(_file(fields, status, path, old))
        index += 3 if two else 2
    counts = _counts(tokens, index)
    return tuple(_counted(f, counts.get(f.path)) for f in files)


def _counted(file: FileDiff, counts: tuple[int, int] | None) -> FileDiff:
    return file if counts is None else file._replace(added=counts[0], deleted=counts[1])


def _file(fields: list[bytes], status: str, path: str, old: str) -> FileDiff:
    """One raw entry; a submodule or a link (not a regular file) has no blob to read."""
    old_blob = decoded(fields[2]) if fields[0].startswith(b":100") else ""
    blob = decoded(fields[3]) if fields[1].startswith(b"100") else ""
    if status == "A":
        return FileDiff(path, status, "", "", blob)
    if status == "D":
        return FileDiff(path, status, path, old_blob, "")
    return FileDiff(path, status, old or path, old_blob, blob)


def _counts(tokens: list[bytes], index: int) -> dict[str, tuple[int, int]]:
    counts: dict[str, tuple[int, int]] = {}
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if not token:
            continue
        added, deleted, path = token.split(b"\t", 2)
        if not path:  # a rename: old and new paths follow
            path = tokens[index + 1]
            index += 2
        counts[decoded(path)] = (_number(added), _number(deleted))
    return counts


def _number(text: bytes) -> int:
    return int(text) if text.isdigit() else -1
