"""Files at a git revision, without a checkout: the merge base, the changed files (with
rename detection) and blobs read through one ``git cat-file --batch`` process.

Every git call goes through the runner (an argument list with ``-C root``). Problems a
user can fix (no merge base in a shallow clone, a base ref that does not exist) raise
ConfigError with the fix in the message: the CLI turns them into exit code 2.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection

from codehealth.adapters.git.runner import GitError, GitResult, run_git, start_git
from codehealth.core import ChangedFile, ConfigError

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # git's empty tree: before a first commit
WORKTREE = "worktree"  # the files on disk
STAGED = "staged"  # the index (what `git commit` would record)


def _git(root: str, *args: str, stdin: bytes | None = None) -> GitResult:
    """``run_git`` for a command the user needs: ConfigError (exit 2: install git) when git
    cannot be started; a failed command is the caller's to judge."""
    result = run_git(root, *args, stdin=stdin)
    if result.code is None:
        raise ConfigError(result.message)
    return result


def repository_root(folder: str) -> str:
    """The top of the work tree holding ``folder``; ConfigError outside a git repository."""
    completed = _git(folder, "rev-parse", "--show-toplevel")
    if not completed.ok:
        raise ConfigError(
            f"{os.path.abspath(folder)}: not inside a git repository "
            "(`codehealth gate` compares git revisions; run it in a clone)"
        )
    return completed.stdout.decode("utf-8", "surrogateescape").strip()


def resolve_commit(root: str, ref: str) -> str:
    """The commit hash ``ref`` names; ConfigError naming the ref when there is none."""
    completed = _git(
        root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"
    )
    if not completed.ok:
        if ref == "HEAD":
            raise ConfigError("HEAD does not name a commit yet: commit something first")
        raise ConfigError(
            f"--base {ref}: no such branch, tag or commit in this clone. "
            f"Fetch it first, e.g. `git fetch origin {ref.removeprefix('origin/')}`, "
            "or in GitHub Actions check out with `fetch-depth: 0`"
        )
    return completed.stdout.decode().strip()


def is_shallow(root: str) -> bool:
    completed = _git(root, "rev-parse", "--is-shallow-repository")
    return completed.stdout.strip() == b"true"


def merge_base(root: str, ref: str, head: str = "HEAD") -> str:
    """The best common ancestor of ``ref`` and ``head``: changes that landed on the base
    branch after the fork are then never blamed on the change under review."""
    both = (f"{ref}^{{commit}}", f"{head}^{{commit}}")
    completed = _git(root, "merge-base", "--end-of-options", *both)  # the usual case: 1 call
    if completed.ok:
        return completed.stdout.decode().strip()
    # Why not: a ref that names no commit says so (and how to fetch it).
    base = resolve_commit(root, ref)
    tip = resolve_commit(root, head)
    completed = _git(root, "merge-base", base, tip)
    if completed.ok:
        return completed.stdout.decode().strip()
    if is_shallow(root):
        raise ConfigError(
            f"no merge base of {ref} and {head}: this is a shallow clone and the common "
            "ancestor was not fetched. Fetch the history: in GitHub Actions use "
            "`actions/checkout` with `fetch-depth: 0`; elsewhere run "
            "`git fetch --deepen=200` (or `git fetch --unshallow`) and try again"
        )
    raise ConfigError(
        f"no merge base of {ref} and {head}: the two histories share no commit "
        f"({completed.message})"
    )


def diff_arguments(base: str, target: str) -> list[str]:
    """``git diff``'s arguments for ``base`` against ``target`` (STAGED, WORKTREE, a commit)."""
    if target == STAGED:
        return ["--cached", base]
    if target == WORKTREE:
        return [base]
    return [base, target]


def changed_files(root: str, base: str, target: str) -> list[ChangedFile]:
    """What changed from commit ``base`` to ``target`` (WORKTREE, STAGED or a commit),
    renames detected (``-M``). Paths are relative to the repository root, '/'-separated."""
    args = ["diff", "--name-status", "-M", "-z", "--no-ext-diff", *diff_arguments(base, target)]
    completed = _git(root, *args, "--")
    if not completed.ok:
        raise ConfigError(f"git diff failed: {completed.message}")
    changes = parse_name_status(completed.stdout)
    if target == WORKTREE:
        changes += [ChangedFile("A", "", path) for path in _untracked(root)]
    return changes


def untracked_later(root: str) -> Callable[[], list[str]]:
    """Start listing the work tree's untracked (not ignored) files, the slowest git call of
    a gate on a large tree; the function returned waits for the list."""
    command = ["ls-files", "--others", "--exclude-standard", "-z", "--full-name"]
    try:
        process = start_git(root, command, errors=False)
    except GitError as error:  # git is not installed: the user's to fix
        raise ConfigError(str(error)) from None

    found: list[list[str]] = []

    def wait() -> list[str]:  # may be called again: the process is read once
        if not found:
            output, _ = process.communicate()
            paths = [_path(raw) for raw in output.split(b"\0") if raw]
            found.append(paths if process.returncode == 0 else [])
        return found[0]

    return wait


def changes_and_lines(
    root: str,
    base: str,
    target: str,
    untracked: Callable[[], list[str]] | None = None,
    excluded: Collection[str] = (),
) -> tuple[list[ChangedFile], dict[str, int]]:
    """``changed_files`` and each file's changed lines (by its new path, the old one for a
    deletion) from one ``git diff --raw --numstat``. For the work tree, ``untracked`` (from
    ``untracked_later``, started early) adds the files git does not track yet.
    ``excluded``: repository-relative paths left out (contents the caller holds in memory
    instead)."""
    where = [*diff_arguments(base, target), "--", *(f":(top,exclude,literal){p}" for p in excluded)]
    pending = untracked or (untracked_later(root) if target == WORKTREE else None)
    completed = _git(root, "diff", "--raw", "--numstat", "-M", "-z", "--no-ext-diff", *where)
    if not completed.ok:
        # --numstat reads contents: a FIFO (or socket) where a tracked file was makes git
        # stop ("cannot hash"). The list of changes alone does not read them.
        completed = _git(root, "diff", "--raw", "-M", "-z", "--no-ext-diff", *where)
    if not completed.ok:
        raise ConfigError(f"git diff failed: {completed.message}")
    changes, lines = parse_raw_numstat(completed.stdout)
    if target == WORKTREE and pending is not None:
        changes += [ChangedFile("A", "", path) for path in pending() if path not in excluded]
    return changes, lines


def parse_raw_numstat(output: bytes) -> tuple[list[ChangedFile], dict[str, int]]:
    """``git diff --raw --numstat -z`` output -> the changed files and each one's lines added
    plus removed, by its new path (the old one for a deletion; binary files count 0)."""
    fields = output.split(b"\0")
    changes, index = _raw_entries(fields)
    return changes, _numstat_lines(fields, index)


def _raw_entries(fields: list[bytes]) -> tuple[list[ChangedFile], int]:
    """The ``--raw`` entries at the start of ``fields``, and the index of the first field
    after them."""
    changes: list[ChangedFile] = []
    index = 0
    while index < len(fields) and fields[index].startswith(b":"):
        status = fields[index].split(b" ")[-1].decode()[:1]
        if status in "RC":
            old, new = _path(fields[index + 1]), _path(fields[index + 2])
            index += 3
        else:
            old = new = _path(fields[index + 1])
            index += 2
        changes.append(
            ChangedFile(status, "" if status == "A" else old, "" if status == "D" else new)
        )
    return changes, index


def _numstat_lines(fields: list[bytes], index: int) -> dict[str, int]:
    """The lines added plus removed of each ``--numstat`` entry from ``fields[index]``."""
    lines: dict[str, int] = {}
    while index < len(fields) and fields[index]:
        parts = fields[index].split(b"\t")
        renamed = len(parts) == 3 and not parts[2]  # a rename: the two paths follow
        path = _path(fields[index + 2] if renamed else parts[-1])
        index += 3 if renamed else 1
        if len(parts) == 3 and parts[0].isdigit() and parts[1].isdigit():
            lines[path] = int(parts[0]) + int(parts[1])
    return lines


def _untracked(root: str) -> list[str]:
    """Files in the work tree that git does not track and does not ignore: new files not
    added yet are part of the change too."""
    completed = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--full-name")
    if not completed.ok:
        return []
    return [_path(raw) for raw in completed.stdout.split(b"\0") if raw]


def parse_name_status(output: bytes) -> list[ChangedFile]:
    """``git diff --name-status -z`` output -> entries (R and C carry two paths)."""
    fields = output.split(b"\0")
    changes: list[ChangedFile] = []
    index = 0
    while index < len(fields) and fields[index]:
        status = fields[index].decode()[:1]
        if status in "RC":
            old = _path(fields[index + 1])
            new = _path(fields[index + 2])
            index += 3
        else:
            old = new = _path(fields[index + 1])
            index += 2
        if status == "A":
            old = ""
        elif status == "D":
            new = ""
        changes.append(ChangedFile(status, old, new))
    return changes


def _path(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def changed_lines(root: str, base: str, target: str) -> int:
    """Lines added plus lines removed from ``base`` to ``target`` (binary files count 0)."""
    args = ["diff", "--numstat", "-M", "-z", "--no-ext-diff", *diff_arguments(base, target)]
    completed = _git(root, *args, "--")
    if not completed.ok:
        return 0
    return _numstat_total(completed.stdout)


def _numstat_total(output: bytes) -> int:
    total = 0
    for field in output.split(b"\0"):
        parts = field.split(b"\t")
        if len(parts) >= 3 and parts[0].isdigit() and parts[1].isdigit():
            total += int(parts[0]) + int(parts[1])
    return total


def head_commit_or_none(root: str) -> str | None:
    """HEAD's commit, or None in a repository with no commit yet."""
    completed = _git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    return completed.stdout.decode().strip() if completed.ok else None
