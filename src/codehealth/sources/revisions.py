"""Files at a git revision, without a checkout: the merge base, the changed files (with
rename detection) and blobs read through one ``git cat-file --batch`` process.

Every git call is an argument list (never a shell string) run with ``-C root``. Problems a
user can fix (no merge base in a shallow clone, a base ref that does not exist) raise
ConfigError with the fix in the message: the CLI turns them into exit code 2.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from codehealth.config import ConfigError
from codehealth.sources.reading import read_file

WORKTREE = "worktree"  # the files on disk
STAGED = "staged"  # the index (what `git commit` would record)


@dataclass(frozen=True, slots=True)
class ChangedFile:
    """One entry of ``git diff --name-status -M``: ``status`` is A, M, D, R, C or T.

    ``old_path`` is the path at the base ("" for an added file), ``path`` the path at the
    head ("" for a deleted one).
    """

    status: str
    old_path: str
    path: str


def _git(root: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-C", root, *args],
            input=stdin,
            capture_output=True,
            check=False,
        )
    except OSError as error:
        raise ConfigError(f"git could not be run: {error.strerror or error}") from None


def _message(completed: subprocess.CompletedProcess[bytes]) -> str:
    lines = completed.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else "no message"


def repository_root(folder: str) -> str:
    """The top of the work tree holding ``folder``; ConfigError outside a git repository."""
    completed = _git(folder, "rev-parse", "--show-toplevel")
    if completed.returncode != 0:
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
    if completed.returncode != 0:
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
    if completed.returncode == 0:
        return completed.stdout.decode().strip()
    # Why not: a ref that names no commit says so (and how to fetch it).
    base = resolve_commit(root, ref)
    tip = resolve_commit(root, head)
    completed = _git(root, "merge-base", base, tip)
    if completed.returncode == 0:
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
        f"({_message(completed)})"
    )


def changed_files(root: str, base: str, target: str) -> list[ChangedFile]:
    """What changed from commit ``base`` to ``target`` (WORKTREE, STAGED or a commit),
    renames detected (``-M``). Paths are relative to the repository root, '/'-separated."""
    args = ["diff", "--name-status", "-M", "-z", "--no-ext-diff"]
    if target == STAGED:
        args += ["--cached", base]
    elif target == WORKTREE:
        args += [base]
    else:
        args += [base, target]
    completed = _git(root, *args, "--")
    if completed.returncode != 0:
        raise ConfigError(f"git diff failed: {_message(completed)}")
    changes = parse_name_status(completed.stdout)
    if target == WORKTREE:
        changes += [ChangedFile("A", "", path) for path in _untracked(root)]
    return changes


def untracked_later(root: str) -> Callable[[], list[str]]:
    """Start listing the work tree's untracked (not ignored) files, the slowest git call of
    a gate on a large tree; the function returned waits for the list."""
    command = ["git", "-C", root, "ls-files", "--others", "--exclude-standard", "-z", "--full-name"]
    try:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
    except OSError as error:
        raise ConfigError(f"git could not be run: {error.strerror or error}") from None

    found: list[list[str]] = []

    def wait() -> list[str]:  # may be called again: the process is read once
        if not found:
            output, _ = process.communicate()
            paths = [_path(raw) for raw in output.split(b"\0") if raw]
            found.append(paths if process.returncode == 0 else [])
        return found[0]

    return wait


def changes_and_lines(
    root: str, base: str, target: str, untracked: Callable[[], list[str]] | None = None
) -> tuple[list[ChangedFile], int]:
    """``changed_files`` and ``changed_lines`` from one ``git diff --raw --numstat``. For
    the work tree, ``untracked`` (from ``untracked_later``, started early) adds the files
    git does not track yet."""
    where = (
        ["--cached", base] if target == STAGED else [base] if target == WORKTREE else [base, target]
    )
    pending = untracked or (untracked_later(root) if target == WORKTREE else None)
    completed = _git(root, "diff", "--raw", "--numstat", "-M", "-z", "--no-ext-diff", *where, "--")
    if completed.returncode != 0:
        # --numstat reads contents: a FIFO (or socket) where a tracked file was makes git
        # stop ("cannot hash"). The list of changes alone does not read them.
        completed = _git(root, "diff", "--raw", "-M", "-z", "--no-ext-diff", *where, "--")
    if completed.returncode != 0:
        raise ConfigError(f"git diff failed: {_message(completed)}")
    changes, lines = parse_raw_numstat(completed.stdout)
    if target == WORKTREE and pending is not None:
        changes += [ChangedFile("A", "", path) for path in pending()]
    return changes, lines


def parse_raw_numstat(output: bytes) -> tuple[list[ChangedFile], int]:
    """``git diff --raw --numstat -z`` output -> the changed files and the lines added plus
    removed (binary files count 0)."""
    fields = output.split(b"\0")
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
    total = 0
    while index < len(fields) and fields[index]:
        parts = fields[index].split(b"\t")
        index += 3 if len(parts) == 3 and not parts[2] else 1  # a rename: two paths follow
        if len(parts) == 3 and parts[0].isdigit() and parts[1].isdigit():
            total += int(parts[0]) + int(parts[1])
    return changes, total


def _untracked(root: str) -> list[str]:
    """Files in the work tree that git does not track and does not ignore: new files not
    added yet are part of the change too."""
    completed = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--full-name")
    if completed.returncode != 0:
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
    args = ["diff", "--numstat", "-M", "-z", "--no-ext-diff"]
    if target == STAGED:
        args += ["--cached", base]
    elif target == WORKTREE:
        args += [base]
    else:
        args += [base, target]
    completed = _git(root, *args, "--")
    if completed.returncode != 0:
        return 0
    return _numstat_total(completed.stdout)


def _numstat_total(output: bytes) -> int:
    total = 0
    for field in output.split(b"\0"):
        parts = field.split(b"\t")
        if len(parts) >= 3 and parts[0].isdigit() and parts[1].isdigit():
            total += int(parts[0]) + int(parts[1])
    return total


def read_blobs(root: str, revision: str, paths: Iterable[str]) -> dict[str, bytes | None]:
    """The content of each path at ``revision`` (a commit, or STAGED for the index), all
    read through one ``git cat-file --batch`` process; None where the path does not exist
    there. Nothing in the work tree is touched."""
    wanted = sorted(set(paths))
    if not wanted:
        return {}
    prefix = ":" if revision == STAGED else f"{revision}:"
    # cat-file --batch reads one name per line: a path with a line break goes by its id.
    ids = _object_ids(root, revision, [path for path in wanted if "\n" in path])
    names = [ids.get(path, f"{prefix}{path}") for path in wanted]
    request = "".join(f"{name}\n" for name in names).encode("utf-8", "surrogateescape")
    completed = _git(root, "cat-file", "--batch", stdin=request)
    if completed.returncode != 0:
        raise ConfigError(f"git cat-file failed: {_message(completed)}")
    return dict(zip(wanted, _parse_batch(completed.stdout, len(wanted)), strict=True))


_MISSING = "0" * 40  # an object id cat-file answers "missing" for


def _object_ids(root: str, revision: str, paths: list[str]) -> dict[str, str]:
    """The blob id of each path at ``revision`` (``_MISSING`` where it has none)."""
    found = dict.fromkeys(paths, _MISSING)
    if not paths:
        return found
    pathspecs = [f":(literal){path}" for path in paths]
    if revision == STAGED:  # "<mode> <id> <stage>\t<path>"
        completed = _git(root, "ls-files", "-s", "-z", "--", *pathspecs)
    else:  # "<mode> <type> <id>\t<path>"
        completed = _git(root, "ls-tree", "-z", revision, "--", *pathspecs)
    for record in completed.stdout.split(b"\0"):
        info, _, name = record.partition(b"\t")
        path = name.decode("utf-8", "surrogateescape")
        fields = info.split(b" ")
        if path in found and len(fields) == 3:
            found[path] = fields[1 if revision == STAGED else 2].decode()
    return found


def _parse_batch(output: bytes, count: int) -> list[bytes | None]:
    """``<sha> <type> <size>\\n<content>\\n`` or ``<name> missing\\n`` per request."""
    blobs: list[bytes | None] = []
    position = 0
    for _ in range(count):
        end = output.index(b"\n", position)
        header = output[position:end].split(b" ")
        position = end + 1
        if len(header) == 3 and header[1] != b"missing" and header[2].isdigit():
            size = int(header[2])
            content = output[position : position + size]
            position += size + 1
            blobs.append(content if header[1] == b"blob" else None)
        else:  # "<name> missing" / "ambiguous" (the name may hold spaces)
            blobs.append(None)
    return blobs


def read_worktree(root: str, paths: Sequence[str]) -> dict[str, bytes | None]:
    """The files on disk (None: deleted, or not a regular file)."""
    found: dict[str, bytes | None] = {}
    for path in paths:
        try:
            found[path] = read_file(os.path.join(root, path))
        except OSError:
            found[path] = None
    return found


def head_commit_or_none(root: str) -> str | None:
    """HEAD's commit, or None in a repository with no commit yet."""
    completed = _git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    return completed.stdout.decode().strip() if completed.returncode == 0 else None


def export_tree(root: str, revision: str, destination: str) -> None:
    """Write the files of ``revision`` (a commit or tree, or STAGED for the index) into the
    empty folder ``destination``, read from git objects: neither the work tree nor the index
    is touched. For checks that need the whole project at a revision (import contracts)."""
    if revision == STAGED:
        prefix = os.path.join(os.path.abspath(destination), "")
        completed = _git(root, "checkout-index", "--all", "--force", f"--prefix={prefix}")
        if completed.returncode != 0:
            raise ConfigError(f"git checkout-index failed: {_message(completed)}")
        return
    import io
    import tarfile

    completed = _git(root, "archive", "--format=tar", revision)
    if completed.returncode != 0:
        raise ConfigError(f"git archive failed: {_message(completed)}")
    with tarfile.open(fileobj=io.BytesIO(completed.stdout)) as archive:
        archive.extractall(destination, filter="data")
