"""The history of a clone with blobs git cannot read (a partial clone without its remote, a
pruned or lost object): what can be read, and the list of what cannot.

``git log --numstat`` (and ``-p``, and ``-M`` rename detection) stops at the first blob it
cannot read, so the normal streams fail on such a clone. Here, only after they have failed:

1. the shape of the walk from trees alone (``--raw --no-renames`` reads no blob);
2. which of its blobs are missing (one ``git cat-file --batch-check``);
3. ``--numstat`` for the commits that touch none of them (one ``git log --no-walk --stdin``,
   the same output and cost as the walk), and per damaged commit ``--numstat`` with the
   unreadable paths excluded; those paths still count as changed, with unknown lines (-1).

Measured on netbox (15.6k commits, 55 blobs of two files missing): 1.1 s for the shape,
the rest costs what the normal ``--numstat`` walk costs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from codehealth.adapters.git.log import _HEADER, _commit, _commit_args, _records
from codehealth.adapters.git.log_tokens import (
    UNIT_SEPARATOR,
    decoded,
    diff_hunks,
    numstat_changes,
    parse_records,
    raw_changes,
)
from codehealth.adapters.git.runner import GitError, git_output
from codehealth.core import Change, Commit, ConfigError, Revision, Unreadable

_NULL = "0" * 40
_OBJECT = re.compile(rb"\b[0-9a-f]{40}\b")
_ROUNDS = 4  # a blob that is there but corrupt shows only when read: found one at a time
FIX = (
    "`git fsck` lists the missing objects; `git fetch --refetch` fetches them again "
    "(in CI: actions/checkout with `fetch-depth: 0`)"
)


class HistoryUnavailable(ConfigError):
    """The history cannot be read at all (no commits, a shallow clone shorter than the
    window, a commit or tree git cannot read): exit 2, the message says why and the fix."""


_Shape = tuple[bytes, list[tuple[str, str, str, str]]]  # header, (old, new, status, path)


# One raw change: (old blob, new blob, status, path).
_Change = tuple[str, str, str, str]


def commits_despite_damage(
    root: str, revisions: str = "HEAD", since: int | None = None
) -> tuple[list[Commit], tuple[Unreadable, ...]]:
    """``stream_commits`` for a clone with unreadable blobs: every commit, with -1 lines
    where a blob cannot be read, and those blobs (newest commit first)."""
    args = ["log", "-z", "--no-merges", "--relative", "--raw", "--no-abbrev", "--no-renames"]
    args += [f"--format={_HEADER}", *([f"--since={since}"] if since is not None else [])]
    shapes = [(header, _shape(body)) for header, body in _walk(root, [*args, revisions, "--"])]
    missing = _missing(root, {blob for _, changes in shapes for blob in _blobs(changes)})
    found, broken = _numstat_around(root, shapes, missing)
    for header, changes in shapes:
        sha = _sha(header)
        if sha in broken:
            found[sha] = _damaged_commit(root, header, changes, broken[sha])
    unreadable = tuple(
        Unreadable(blob, _sha(header), path)
        for header, changes in shapes
        for blob, path in broken.get(_sha(header), ())
    )
    return [found[_sha(header)] for header, _ in shapes], unreadable


def _numstat_around(
    root: str, shapes: list[tuple[bytes, list[_Change]]], missing: set[str]
) -> tuple[dict[str, Commit], dict[str, list[tuple[str, str]]]]:
    """The line counts of the commits whose blobs can be read, and each other commit's
    unreadable blobs; git names more missing objects as it meets them, round by round."""
    for _ in range(_ROUNDS):
        broken = {_sha(h): _broken(c, missing) for h, c in shapes if _broken(c, missing)}
        good = [_sha(header) for header, _ in shapes if _sha(header) not in broken]
        try:
            return {c.sha: c for c in _numstat_of(root, good)}, broken
        except GitError as error:
            more = _named_objects(str(error)) - missing
            if not more:
                raise _unavailable(error) from None
            missing |= more
    raise HistoryUnavailable(f"too many unreadable objects in this clone's history: {FIX}")


def revisions_without_renames(root: str, revisions: str = "HEAD") -> list[Revision]:
    """``stream_revisions`` without rename detection (which reads blobs): a rename is a
    deletion and an addition, the same tree for the metric totals."""
    args = ["log", "-z", "--first-parent", "--diff-merges=first-parent", "--reverse", "--raw"]
    args += ["--no-abbrev", "--no-renames", "--relative", f"--format={_HEADER}", revisions, "--"]
    found: list[Revision] = []
    for header, body in _walk(root, args):
        sha, author, _email, when = header.split(UNIT_SEPARATOR)
        found.append(Revision(decoded(sha), decoded(author), int(when or 0), raw_changes(body)))
    return found


def hunks_of_commits(
    root: str, paths: Sequence[str], commits: Sequence[str]
) -> list[tuple[str, dict[str, list[tuple[int, int, int, int]]]]]:
    """``stream_hunks`` for the given commits only (those whose blobs can be read)."""
    if not paths or not commits:
        return []
    args = ["log", "--no-walk=unsorted", "--stdin", "-p", "-U0", "-M", "--relative"]
    args += ["--format=%x1e%H", "--no-color", "--no-ext-diff", "--", *paths]
    output = _run(root, args, commits)
    return [(decoded(h.strip()), diff_hunks(body)) for h, body in parse_records([output], None)]


def _walk(root: str, args: list[str]) -> list[tuple[bytes, list[bytes]]]:
    try:
        return list(_records(root, args))
    except GitError as error:
        raise _unavailable(error) from None


def _unavailable(error: GitError) -> HistoryUnavailable:
    return HistoryUnavailable(f"the git history cannot be read ({error}): {FIX}")


def _shape(tokens: list[bytes]) -> list[tuple[str, str, str, str]]:
    """``:oldmode newmode old new S`` then the path, per entry of ``--raw --no-renames``
    (a submodule's commit is not a blob: left out)."""
    entries: list[tuple[str, str, str, str]] = []
    index, size = 0, len(tokens)
    while index < size - 1:
        fields = tokens[index].split()
        index += 1
        if len(fields) != 5 or not fields[0].startswith(b":"):
            continue
        old = decoded(fields[2]) if not fields[0].startswith(b":160") else _NULL
        new = decoded(fields[3]) if not fields[1].startswith(b"160") else _NULL
        entries.append((old, new, decoded(fields[4][:1]), decoded(tokens[index])))
        index += 1
    return entries


def _blobs(changes: Iterable[tuple[str, str, str, str]]) -> Iterable[str]:
    for old, new, _status, _path in changes:
        yield from (blob for blob in (new, old) if blob != _NULL)


def _broken(changes: list[tuple[str, str, str, str]], missing: set[str]) -> list[tuple[str, str]]:
    """(blob, path) of each change of a commit whose old or new content is missing."""
    found: list[tuple[str, str]] = []
    for old, new, _status, path in changes:
        found.extend((blob, path) for blob in (new, old) if blob in missing)
    return found


def _sha(header: bytes) -> str:
    return decoded(header.split(UNIT_SEPARATOR, 1)[0])


def _missing(root: str, blobs: set[str]) -> set[str]:
    """The blobs of ``blobs`` git does not have."""
    if not blobs:
        return set()
    output = _run(root, ["cat-file", "--batch-check=%(objectname)"], sorted(blobs))
    return {decoded(line.split()[0]) for line in output.splitlines() if line.endswith(b" missing")}


def _numstat_of(root: str, shas: list[str]) -> list[Commit]:
    if not shas:
        return []
    args = ["log", "--no-walk=unsorted", "--stdin", *_commit_args(None, True)[1:], "--"]
    return [
        _commit(h, body, numstat_changes)
        for h, body in parse_records([_run(root, args, shas)], b"\0")
    ]


def _damaged_commit(
    root: str,
    header: bytes,
    changes: list[tuple[str, str, str, str]],
    broken: list[tuple[str, str]],
) -> Commit:
    """The commit with its readable files counted (renames among them detected) and the
    unreadable ones as changed, lines unknown."""
    paths = sorted({path for _, path in broken})
    args = [*_commit_args(None, True), "--no-walk", _sha(header), "--"]
    args += [f":(exclude,literal){path}" for path in paths]
    output = _run(root, args, [])
    counted = [_commit(h, body, numstat_changes) for h, body in parse_records([output], b"\0")]
    readable = counted[0].changes if counted else ()
    unknown = tuple(Change(path) for _, _, _, path in changes if path in paths)
    return _commit(header, [], numstat_changes)._replace(changes=readable + unknown)


def _named_objects(message: str) -> set[str]:
    return {decoded(found) for found in _OBJECT.findall(message.encode())}


def _run(root: str, args: list[str], lines: Sequence[str]) -> bytes:
    request = "".join(f"{line}\n" for line in lines).encode("ascii")
    return git_output(root, "-c", "core.quotepath=off", *args, stdin=request)
