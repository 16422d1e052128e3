"""The gate use case: collect the touched files at two revisions, compare (pure), verdict.

Its cost depends on the change, not on the repository: a handful of git processes, the
touched files (and their packages' ``__init__.py``) read from git objects, never a checkout.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from codehealth.app.gate_boundaries import local_boundaries, revision_overrides
from codehealth.app.gate_findings import (
    file_findings,
    lint_findings,
    prepare_lint,
    project_findings,
)
from codehealth.app.gate_measure import ContentCache, Key, Measured, measure
from codehealth.catalogue import Catalogue
from codehealth.config import Settings, load_settings
from codehealth.gate import (
    FileState,
    GateReport,
    Snapshot,
    Touched,
    compare,
)
from codehealth.lint import LintTool, Pending
from codehealth.model import Finding, NotAnalysed
from codehealth.sources import (
    STAGED,
    WORKTREE,
    ChangedFile,
    changes_and_lines,
    head_commit_or_none,
    merge_base,
    read_blobs,
    read_worktree,
    repository_root,
    untracked_later,
)

# git's empty tree: the base of a repository with no commit yet.
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
SOURCE_SUFFIXES = (".py", ".pyi")


@dataclass(frozen=True, slots=True)
class _Revision:
    """Where one side's contents come from: a commit, STAGED or WORKTREE."""

    label: str
    where: str


def run_gate(
    folder: str = ".",
    base_ref: str | None = None,
    *,
    staged: bool = False,
    settings: Settings | None = None,
    config_file: str | None = None,
    lint: bool = True,
    boundaries: bool = True,
    whole_project_boundaries: bool = False,
    use_cache: bool = True,
    policy: Mapping[str, Any] | None = None,
) -> GateReport:
    """Compare the change under review with its base: ``base_ref``'s merge base with HEAD
    against the work tree, or (``staged``) HEAD against the index. ``policy``: gate
    settings given on the command line (``--strict``), over the configuration's.

    ``whole_project_boundaries`` compares the whole project's boundary results at both
    revisions, each copied out of git, even when the change cannot alter them or reaches
    only the touched files (slower: the reference the fast paths are tested against).
    ``use_cache``: read and write the per-content results in ``.codehealth/gate.sqlite``."""
    root = repository_root(os.path.abspath(folder))
    if settings is None:
        settings = load_settings(root, config_file)
    if policy:
        settings = replace(settings, gate=replace(settings.gate, **policy))
    catalogue = _CatalogueOnDemand(settings)
    notes: list[str] = []
    untracked = None if staged else untracked_later(root)  # slow on a large tree: start now
    try:
        base, target, mode = _revisions(root, base_ref, staged)
        every_change, lines = changes_and_lines(root, base.where, target.where, untracked)
    finally:
        if untracked is not None:
            untracked()  # reaped also when the base is refused
    changes = [c for c in every_change if _counted(c, settings)]
    touched = [Touched(c.status, c.old_path, c.path) for c in changes]
    # Python files the configuration excludes are not analysed, but they may still be in
    # the import graph: read for the boundary check.
    uncounted = [c for c in every_change if _python(c) and c not in changes]
    before, after = _contents(root, base, target, [*changes, *uncounted])
    keys = {c.path or c.old_path for c in changes}
    config_changed = _config_changed(root, settings, every_change)

    def project(measured: Mapping[Key, Measured]) -> tuple[list[Finding], ...]:
        """Boundary findings of both sides: none when the change cannot alter them, those of
        the touched files when it is local, else the whole project's."""
        if not (boundaries and (keys or uncounted)):
            return [], []
        if not (whole_project_boundaries or config_changed):
            if not uncounted and not _may_cross_boundaries(changes, measured):
                return [], []
            local = local_boundaries(root, settings, every_change, (before, after), staged)
            if not isinstance(local, str):
                return local
        overrides = (
            (None, None)  # the reference: each revision copied out of git
            if whole_project_boundaries
            else revision_overrides(root, every_change, (before, after), staged)
        )
        return tuple(
            _whole_project(root, settings, revision, notes, given)
            for revision, given in zip((base, target), overrides, strict=True)
        )

    snapshots = _snapshots(
        root,
        settings,
        catalogue,
        (base, before),
        (target, after),
        keys,
        (lint, use_cache),
        notes,
        project,
    )
    report = compare(snapshots[0], snapshots[1], touched, settings, changed_lines=lines)
    return replace(report, mode=mode, notes=tuple(notes))


def _revisions(root: str, base_ref: str | None, staged: bool) -> tuple[_Revision, _Revision, str]:
    """(base, target, mode): HEAD and the index, or the merge base and the work tree."""
    if staged:
        head = head_commit_or_none(root)
        base = _Revision("HEAD" if head else "nothing (first commit)", head or EMPTY_TREE)
        return base, _Revision("staged", STAGED), "staged"
    commit = merge_base(root, base_ref or "HEAD")
    base = _Revision(f"merge base {commit[:10]} of {base_ref}", commit)
    return base, _Revision("work tree", WORKTREE), "base"


def _may_cross_boundaries(changes: Sequence[ChangedFile], measured: Mapping[Key, Measured]) -> bool:
    """Whether the change can alter boundary results, so that the whole-project check runs
    only when needed (the gate's cost follows the change): a file added, deleted or
    renamed, or a file whose boundary facts (imports with their lines, enclosing symbols
    and guards, dynamic imports, inline ignores, exported names) differ between the sides."""
    for change in changes:
        if change.status != "M":
            return True
        old, new = measured.get((0, change.path)), measured.get((1, change.path))
        if old is None or new is None or not old.facts or old.facts != new.facts:
            return True
    return False


def _config_changed(root: str, settings: Settings, changes: Sequence[ChangedFile]) -> bool:
    """A configuration file that boundaries read (the project's, import-linter's) changed."""
    names = {"pyproject.toml", "setup.cfg", ".importlinter"}
    config = settings.config_file and os.path.relpath(settings.config_file, root).replace(
        os.sep, "/"
    )
    return any(
        posixpath.basename(path) in names or path == config
        for change in changes
        for path in (change.path, change.old_path)
        if path
    )


def _whole_project(
    root: str,
    settings: Settings,
    revision: _Revision,
    notes: list[str],
    overrides: dict[str, bytes] | None,
) -> list[Finding]:
    """The whole project's boundary findings at ``revision`` (``overrides``: that revision
    as the work tree with a few files standing in)."""
    found, problem = project_findings(root, revision.where, settings, overrides)
    if problem and problem not in notes:
        notes.append(problem)
    return found


def _python(change: ChangedFile) -> bool:
    return any(path.endswith(SOURCE_SUFFIXES) for path in (change.path, change.old_path) if path)


def _counted(change: ChangedFile, settings: Settings) -> bool:
    """A Python file the scan analyses: not excluded, and not in a hidden or vendored folder
    or generated (the scan's own predicate; the head of the work-tree copy is read)."""
    from codehealth.sources import is_excluded, left_out

    exclude = settings.exclude + (("migrations",) if settings.exclude_migrations else ())
    return any(
        path.endswith(SOURCE_SUFFIXES)
        and not is_excluded(path, exclude)
        and left_out(settings.root, path, settings) is None
        for path in (change.path, change.old_path)
        if path
    )


def _packages(paths: Sequence[str]) -> set[str]:
    """The ``__init__.py`` of the package holding each path (and of each package itself)."""
    inits: set[str] = set()
    for path in paths:
        folder = posixpath.dirname(path)
        inits.add(posixpath.join(folder, "__init__.py") if folder else "__init__.py")
    return inits


def _contents(
    root: str, base: _Revision, target: _Revision, changes: Sequence[ChangedFile]
) -> tuple[dict[str, bytes | None], dict[str, bytes | None]]:
    """path -> bytes at each side, keyed by the HEAD-side path (base contents of a renamed
    file under its new name), plus the packages' ``__init__.py`` under their own names."""
    old_paths = [c.old_path for c in changes if c.old_path]
    new_paths = [c.path for c in changes if c.path]
    base_read = read_blobs(root, base.where, [*old_paths, *_packages(old_paths)])
    wanted = [*new_paths, *_packages(new_paths)]
    if target.where == WORKTREE:
        after = read_worktree(root, wanted)
    else:
        after = read_blobs(root, target.where, wanted)
    before: dict[str, bytes | None] = {}
    for change in changes:
        if change.old_path:
            before[change.path or change.old_path] = base_read.get(change.old_path)
    for init in _packages(old_paths):
        before.setdefault(init, base_read.get(init))
    return before, after


def _snapshots(
    root: str,
    settings: Settings,
    catalogue: _CatalogueOnDemand,
    base: tuple[_Revision, Mapping[str, bytes | None]],
    head: tuple[_Revision, Mapping[str, bytes | None]],
    touched: set[str],
    options: tuple[bool, bool],
    notes: list[str],
    boundaries: Callable[[Mapping[Key, Measured]], tuple[list[Finding], ...]],
) -> tuple[Snapshot, Snapshot]:
    lint, use_cache = options
    sides = (base, head)
    # The touched files, and the packages' __init__.py read for their interface only.
    items = {
        (index, path): content
        for index, (_, files) in enumerate(sides)
        for path, content in files.items()
        if content is not None and (path in touched or path.endswith("__init__.py"))
    }
    tool = _lint_tool(root, settings, notes) if lint else None
    cache = _content_cache(settings, tool) if use_cache else None
    known = cache.get(items) if cache is not None else {}
    run = None
    if tool is not None:  # ruff runs while the files are measured
        unlinted = [
            key
            for key in items
            if key[1] in touched and (key not in known or known[key].hits is None)
        ]
        run = _start_lint(tool, root, {key: items[key] for key in unlinted}, head[0].where)
    measured = {**known, **measure({k: v for k, v in items.items() if k not in known})}
    project = boundaries(measured)
    if run is not None:
        notes.extend(_collect_lint(run, measured))
    judge = _Judge(settings, catalogue, tool is not None, touched, measured)
    result = [
        judge.snapshot(index, revision.label, files, project[index])
        for index, (revision, files) in enumerate(sides)
    ]
    touched_keys = [key for key in items if key[1] in touched]
    if not touched_keys or any(known.get(key, _MISSING).findings is None for key in touched_keys):
        # The configuration's costs are checked (ConfigError) unless findings cached under
        # the same salt prove they were accepted before.
        catalogue()
    if cache is not None:
        cache.put(
            (key, items[key], measured[key]) for key in items if measured[key] != known.get(key)
        )
        notes.extend(cache.close())
    return result[0], result[1]


def _lint_tool(root: str, settings: Settings, notes: list[str]) -> LintTool | None:
    tool, problem = prepare_lint(root, settings, set())
    if problem:
        notes.append(f"lint findings not compared: {problem}")
    return tool


def _content_cache(settings: Settings, tool: LintTool | None) -> ContentCache:
    folder = os.path.join(settings.root, settings.cache_dir)
    return ContentCache(folder, tool.salt if tool is not None else "", _salt(settings))


@dataclass
class _Judge:
    """Builds one side's snapshot from the measurements, computing (and keeping in
    ``measured``, for the cache) the findings of a touched file that has none yet."""

    settings: Settings
    catalogue: _CatalogueOnDemand
    linted: bool
    touched: set[str]
    measured: dict[Key, Measured]

    def snapshot(
        self, index: int, label: str, files: Mapping[str, bytes | None], project: list[Finding]
    ) -> Snapshot:
        states: dict[str, FileState] = {}
        packages = {}
        for path, content in files.items():
            state = self.measured.get((index, path))  # only contents that exist are measured
            if state is None or content is None:
                continue
            if path.endswith("__init__.py") and state.interface is not None:
                packages[path] = state.interface
            if path in self.touched:
                states[path] = self._state((index, path), content, state)
        return Snapshot(label, states, packages, tuple(project))

    def _state(self, key: Key, content: bytes, state: Measured) -> FileState:
        path = key[1]
        if isinstance(state.metrics, NotAnalysed):
            return FileState(path, error=state.metrics.reason)
        found = state.findings
        if found is None or (self.linted and state.hits is None):
            catalogue = self.catalogue()
            lint = lint_findings(path, state.hits, catalogue) if self.linted else None
            found = tuple(
                file_findings(path, content, state.metrics, self.settings, catalogue, lint)
            )
            if not self.linted or state.hits is not None:  # complete: worth keeping
                self.measured[key] = replace(state, findings=found)
        return FileState(path, state.metrics.functions, found, state.interface)


def _start_lint(tool: LintTool, root: str, unlinted: dict[Key, bytes], head_where: str) -> Pending:
    """ruff on the contents to lint: the work tree's files where they are, by one process;
    the others piped in, each under its key "side\0path"."""
    on_disk = [path for side, path in unlinted if side == 1 and head_where == WORKTREE]
    piped = {
        f"{side}\0{path}": (path, content)
        for (side, path), content in unlinted.items()
        if not (side == 1 and path in on_disk)
    }
    return Pending(tool, root, on_disk, contents=piped)


def _collect_lint(run: Pending, measured: dict[Key, Measured]) -> list[str]:
    """ruff's hits into ``measured``; the note when they are incomplete."""
    linted = run.wait()
    for name, hits in linted.hits.items():
        side, path = name.split("\0", 1) if "\0" in name else ("1", name)
        key = (int(side), path)
        if key in measured:
            measured[key] = replace(measured[key], hits=tuple(hits))
    if not (linted.problem or linted.config_error):
        return []
    why = linted.problem or f"ruff rejected the configuration: {linted.config_error}"
    return [f"lint findings incomplete: {why}"]


def _salt(settings: Settings) -> str:
    """What a file's findings depend on besides its content and ruff: the thresholds, the
    catalogue's text and the team's costs (the inputs of ``load_catalogue``: a cached run
    need not parse the catalogue)."""
    import hashlib

    from codehealth.sources import catalogue_texts

    debt = settings.debt
    inputs = (settings.thresholds, sorted(catalogue_texts().items()), debt.costs)
    text = repr((inputs, debt.minutes_per_point)).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).hexdigest()


_MISSING = Measured(NotAnalysed("", ""), None, "")


class _CatalogueOnDemand:
    """The rule catalogue with the team's costs, parsed on first use: a run whose findings
    all come from the cache never parses it. Its salt (above) covers the same inputs, so a
    configuration ``load_catalogue`` refuses never produced a cached entry."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.loaded: Catalogue | None = None

    def __call__(self) -> Catalogue:
        if self.loaded is None:
            from codehealth.app.debt import load_catalogue

            self.loaded = load_catalogue(self.settings)
        return self.loaded
