"""What a warm run's output depends on: the key of a way of running codehealth, and the
digest of its inputs' statuses (see ``adapters.replay``)."""

from __future__ import annotations

import hashlib
import os
import sys

# Only the standard library's cheapest modules: typing and subprocess (imported for git
# only) would each cost a few milliseconds of a run that may take forty.

REPLAYED_COMMANDS = frozenset({"scan", "debt"})
# Arguments that ask for work or output a replay cannot stand for.
_NOT_REPLAYED = frozenset({"--no-cache", "--help", "-h", "--version"})
SETTLED_NS = 2_000_000_000
# Folders whose files no analysis reads (a run itself writes bytecode and the cache).
_SKIPPED_FOLDERS = frozenset({".git", ".codehealth", "__pycache__"})
# Variables that differ between otherwise identical runs of one shell.
_VOLATILE_VARIABLES = frozenset({"OLDPWD", "PWD", "SHLVL", "_"})
_LINTER_CONFIGS = ("pyproject.toml", "ruff.toml", ".ruff.toml", "setup.cfg", "tox.ini", ".flake8")
_LINTERS = ("ruff", "flake8")
# The files a scan or debt reads below the root (sources, stubs, configuration); others
# (templates, translations, images) are not statted: the folders' times show them come
# and go, git's listing names them.
_READ = (".py", ".pyi", ".toml", ".cfg", ".ini", ".importlinter", ".flake8", ".coveragerc")
# codehealth's own code (src/codehealth): an upgrade or an edit of it is an input too.
_OWN_CODE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def command_of(argv: list[str]) -> str | None:
    """The subcommand ``argv`` runs (the first word that is not an option)."""
    return next((word for word in argv if not word.startswith("-")), None)


def replayable(argv: list[str]) -> bool:
    return command_of(argv) in REPLAYED_COMMANDS and not _NOT_REPLAYED.intersection(argv)


def run_key(argv: list[str], cwd: str, environment: dict[str, str], terminal: object) -> str:
    """Names the record of one way of running codehealth: its version and interpreter, the
    arguments, the folder, the environment (but for variables every shell changes) and what
    the output goes to."""
    from codehealth.version import __version__

    variables = sorted((k, v) for k, v in environment.items() if k not in _VOLATILE_VARIABLES)
    payload = repr([__version__, sys.executable, sys.version, argv, cwd, variables, terminal])
    return hashlib.sha256(payload.encode("utf-8", "surrogateescape")).hexdigest()


class Snapshot:
    """The digest of every input's status, the newest modification time among them, and
    (outside git) the paths the walk statted in order: a replay stats those again instead
    of walking (a changed folder shows by its modification time)."""

    __slots__ = ("digest", "newest_ns", "walked")

    def __init__(self, digest: str, newest_ns: int, walked: tuple[str, ...] | None) -> None:
        self.digest = digest
        self.newest_ns = newest_ns
        self.walked = walked


class _Statuses:
    """Collects ``path:size:mtime:ctime:inode`` lines (``path:-`` for a missing file),
    hashed once at the end (a replay stats thousands of paths: each step counts)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.newest_ns = 0
        self.walked: list[str] | None = None  # the walk's paths, when it is kept

    def add(self, path: str) -> None:
        try:
            status = os.stat(path)
        except OSError:
            self.lines.append(f"{path}:-")
            return
        modified = status.st_mtime_ns
        if modified > self.newest_ns:
            self.newest_ns = modified
        line = f"{path}:{status.st_size}:{modified}:{status.st_ctime_ns}:{status.st_ino}"
        self.lines.append(line)

    def text(self, line: str) -> None:
        self.lines.append(line)

    def digest(self) -> str:
        return hashlib.sha256("\n".join(self.lines).encode("utf-8", "surrogateescape")).hexdigest()


def snapshot(root: str, argv: list[str]) -> Snapshot:
    """The inputs' statuses for a run in ``root``."""
    statuses = _Statuses()
    walked = None
    # As discovery: what git lists, else (not in git, or git refuses) a walk.
    if not (_in_git(root) and _listed(root, argv, statuses)):
        statuses.walked = []
        for target in _targets(argv) or [root]:
            _walk(target, statuses)
        walked, statuses.walked = tuple(statuses.walked), None
    return _finish(root, argv, statuses, walked)


def rechecked(root: str, argv: list[str], walked: tuple[str, ...]) -> str:
    """The digest ``snapshot`` gives when the walk's paths are as they were (their folders'
    times unchanged, so no file came or went), from their statuses alone."""
    statuses = _Statuses()
    for path in walked:
        statuses.add(path)
    return _finish(root, argv, statuses, walked).digest


def _finish(
    root: str, argv: list[str], statuses: _Statuses, walked: tuple[str, ...] | None
) -> Snapshot:
    for path in _around(root, argv):
        statuses.add(path)
    # The caches and codehealth itself count, but only a run changes the caches and nobody
    # edits codehealth during one: their times need not settle.
    newest_ns = statuses.newest_ns
    for path in _caches(os.path.join(root, ".codehealth")):
        statuses.add(path)
    _walk(_OWN_CODE, statuses)
    return Snapshot(statuses.digest(), newest_ns, walked)


def _in_git(root: str) -> bool:
    folder = root
    while not os.path.exists(os.path.join(folder, ".git")):
        if folder == os.path.dirname(folder):
            return False
        folder = os.path.dirname(folder)
    return True


def _listed(root: str, argv: list[str], statuses: _Statuses) -> bool:
    """The statuses of the files git lists, and of those below a named folder that git
    lists nothing under (an ignored one: discovery walks it). False when git fails (and
    nothing was added)."""
    listed = _git_listing(root)
    if listed is None:
        return False
    statuses.text(f"git:{len(listed)}")
    for name in listed:
        if name.endswith(_READ):
            statuses.add(os.path.join(root, name))
        else:
            statuses.text(name)
    for target in _targets(argv):
        inside = os.path.relpath(target, root).replace(os.sep, "/") + "/"
        if inside != "./" and not any(name.startswith(inside) for name in listed):
            _walk(target, statuses)
    return True


def _git_listing(root: str) -> list[str] | None:
    """What discovery lists (tracked and untracked-not-ignored files), but the cache."""
    import subprocess

    arguments = ["git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    try:
        done = subprocess.run(arguments, capture_output=True, check=False, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    names = done.stdout.decode("utf-8", "surrogateescape").split("\0")
    return [name for name in names if name and not name.startswith(".codehealth/")]


def _targets(argv: list[str]) -> list[str]:
    """The arguments that name folders (the paths to analyse)."""
    return [os.path.abspath(word) for word in argv[1:] if os.path.isdir(word)]


def _walk(folder: str, statuses: _Statuses) -> None:
    """The status of ``folder`` (its time changes when an entry comes or goes) and of
    every folder and read file below it, in a stable order; links to folders are not
    followed."""
    statuses.add(folder)
    if statuses.walked is not None:
        statuses.walked.append(folder)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name not in _SKIPPED_FOLDERS:
                _walk(entry.path, statuses)
        elif entry.name.endswith(_READ):
            statuses.add(entry.path)
            if statuses.walked is not None:
                statuses.walked.append(entry.path)


def _around(root: str, argv: list[str]) -> list[str]:
    """The inputs outside the listed files: the root folder's own files (git may ignore
    coverage data), files named in the arguments, linter configuration up the
    folders and in the user's, and the linters."""
    with os.scandir(root) as entries:
        paths = sorted(entry.path for entry in entries if entry.is_file())
    named = [path for word in argv[1:] for path in (word, word.partition("=")[2])]
    paths += [os.path.abspath(path) for path in named if path and os.path.isfile(path)]
    return paths + _linter_files(root)


def _caches(folder: str) -> list[str]:
    """The caches a run reads: one rebuilt or changed since (a damaged cache's warning is
    part of that run's output) means the record no longer stands for a run now. SQLite's
    -wal and -shm files come and go with every connection."""
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries if entry.is_file())
    except OSError:
        return []
    kept = [name for name in names if not name.endswith(("-wal", "-shm", ".tmp"))]
    return [os.path.join(folder, name) for name in kept]


def _linter_files(root: str) -> list[str]:
    configs = _ancestors(root) + _user_config_folders()
    paths = [os.path.join(folder, name) for folder in configs for name in _LINTER_CONFIGS]
    tools = [os.path.dirname(sys.executable), *os.environ.get("PATH", "").split(os.pathsep)]
    return paths + [os.path.join(folder, name) for folder in tools for name in _LINTERS]


def _ancestors(root: str) -> list[str]:
    folders = []
    folder = os.path.dirname(root)
    while folder != os.path.dirname(folder):
        folders.append(folder)
        folder = os.path.dirname(folder)
    return folders


def _user_config_folders() -> list[str]:
    home = os.path.expanduser("~")
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(home, ".config")
    return [os.path.join(config, "ruff"), config, home]
