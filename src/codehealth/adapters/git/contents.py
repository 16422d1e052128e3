"""File contents at a git revision without a checkout: blobs read through the one blob
reader (``BlobReader``), the files on disk, or a whole tree written to a folder."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from codehealth.adapters.git.blobs import BlobReader
from codehealth.adapters.git.revisions import STAGED, _git
from codehealth.adapters.git.runner import GitError
from codehealth.core import ConfigError


def read_blobs(root: str, revision: str, paths: Iterable[str]) -> dict[str, bytes | None]:
    """The content of each path at ``revision`` (a commit, or STAGED for the index), all
    read through one ``git cat-file --batch`` process; None where the path does not exist
    there. Nothing in the work tree is touched."""
    with RevisionFiles(root, revision) as files:
        return files.read_many(paths)


class RevisionFiles:
    """Paths' contents at ``revision`` (as ``read_blobs``), read when asked for, each once,
    through one ``git cat-file --batch`` process started at the first read: for a caller that
    learns what it needs as it reads (the star imports of a package's ``__init__.py``)."""

    def __init__(self, root: str, revision: str) -> None:
        self.root, self.revision = root, revision
        self.read_so_far: dict[str, bytes | None] = {}
        self._reader: BlobReader | None = None

    def read(self, path: str) -> bytes | None:
        return self.read_many([path])[path]

    def read_many(self, paths: Iterable[str]) -> dict[str, bytes | None]:
        wanted = sorted(set(paths))
        new = [path for path in wanted if path not in self.read_so_far]
        if new:
            self.read_so_far.update(zip(new, self._read_new(new), strict=True))
        return {path: self.read_so_far[path] for path in wanted}

    def _read_new(self, paths: list[str]) -> list[bytes | None]:
        prefix = ":" if self.revision == STAGED else f"{self.revision}:"
        # cat-file --batch reads one name per line: a path with a line break goes by its id.
        ids = _object_ids(self.root, self.revision, [path for path in paths if "\n" in path])
        names = [ids.get(path, f"{prefix}{path}") for path in paths]
        try:
            if self._reader is None:
                self._reader = BlobReader(self.root)
            return [content for _, content in self._reader.read_many(names)]
        except GitError as error:
            raise ConfigError(f"git cat-file failed: {error}") from None

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def __enter__(self) -> RevisionFiles:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


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


def read_worktree(root: str, paths: Sequence[str]) -> dict[str, bytes | None]:
    """The files on disk (None: deleted, or not a regular file)."""
    # Imported here: adapters.files lists a project with git, so it imports this package.
    from codehealth.adapters.files import read_file

    found: dict[str, bytes | None] = {}
    for path in paths:
        try:
            found[path] = read_file(os.path.join(root, path))
        except OSError:
            found[path] = None
    return found


def export_tree(root: str, revision: str, destination: str) -> None:
    """Write the files of ``revision`` (a commit or tree, or STAGED for the index) into the
    empty folder ``destination``, read from git objects: neither the work tree nor the index
    is touched. For checks that need the whole project at a revision (import contracts)."""
    if revision == STAGED:
        prefix = os.path.join(os.path.abspath(destination), "")
        completed = _git(root, "checkout-index", "--all", "--force", f"--prefix={prefix}")
        if not completed.ok:
            raise ConfigError(f"git checkout-index failed: {completed.message}")
        return
    import io
    import tarfile

    completed = _git(root, "archive", "--format=tar", revision)
    if not completed.ok:
        raise ConfigError(f"git archive failed: {completed.message}")
    with tarfile.open(fileobj=io.BytesIO(completed.stdout)) as archive:
        archive.extractall(destination, filter="data")
