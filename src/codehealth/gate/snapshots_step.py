"""One gate snapshot per revision: the touched files measured (from the content cache where
they were seen before), linted while they are measured, and judged into findings."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from codehealth.adapters.git import WORKTREE
from codehealth.adapters.linters import LintTool, Pending
from codehealth.core import Catalogue, Finding, NotAnalysed, Settings
from codehealth.gate.findings_step import file_findings, lint_findings, prepare_lint
from codehealth.gate.measure_step import ContentCache, Key, MeasuredContent, measure
from codehealth.gate.snapshot import FileState, Snapshot

if TYPE_CHECKING:
    from codehealth.gate.workspace_step import GateWorkspace

# The boundary findings of both sides, computed once the contents are measured.
ProjectFindings = Callable[[Mapping[Key, MeasuredContent]], tuple[list[Finding], ...]]


@dataclass(frozen=True, slots=True)
class ContentSource:
    """Where one side's contents come from: a commit, STAGED or WORKTREE."""

    label: str
    where: str


@dataclass(frozen=True, slots=True)
class SnapshotRun:
    """What the snapshots of one gate run share: where, with which settings and catalogue,
    whether ruff runs and the cache is used, and the notes the run collects."""

    root: str
    settings: Settings
    catalogue: CatalogueOnDemand
    lint: bool
    use_cache: bool
    notes: list[str]
    # A repository of several projects: each file judged by its own project's settings.
    workspace: GateWorkspace | None = None
    # Head-side paths whose contents are held in memory (proposed), not on disk.
    in_memory: frozenset[str] = frozenset()

    @property
    def settings_of(self) -> Callable[[str], Settings] | None:
        return self.workspace.settings_of if self.workspace is not None else None

    @property
    def salt(self) -> str:
        return self.workspace.salt if self.workspace is not None else ""


Side = tuple[ContentSource, Mapping[str, bytes | None]]


def snapshots(
    run: SnapshotRun,
    sides: tuple[Side, Side],
    touched: set[str],
    boundaries: ProjectFindings,
) -> tuple[Snapshot, Snapshot]:
    """The base and head snapshots of the ``touched`` files, with ``boundaries``' findings."""
    items = _items(sides, touched)
    tool = _lint_tool(run.root, run.settings, run.notes) if run.lint else None
    cache = _content_cache(run.settings, tool, run.salt) if run.use_cache else None
    known = cache.get(items) if cache is not None else {}
    unlinted = _unlinted(items, known, touched)
    pending = _start_lint(tool, run.root, unlinted, sides[1][0].where, run.in_memory)
    measured = _measured(items, known)
    project = boundaries(measured)
    if pending is not None:
        run.notes.extend(_collect_lint(pending, measured))
    judge = _Judge(
        run.settings, run.catalogue, tool is not None, touched, measured, run.settings_of
    )
    result = [
        judge.snapshot(index, revision.label, files, project[index])
        for index, (revision, files) in enumerate(sides)
    ]
    _check_costs(run.catalogue, items, known, touched)
    if cache is not None:
        cache.put(
            (key, items[key], measured[key]) for key in items if measured[key] != known.get(key)
        )
        run.notes.extend(cache.close())
    return result[0], result[1]


def _items(sides: tuple[Side, Side], touched: set[str]) -> dict[Key, bytes]:
    """The touched files, and the packages' __init__.py read for their interface only."""
    return {
        (index, path): content
        for index, (_, files) in enumerate(sides)
        for path, content in files.items()
        if content is not None and (path in touched or path.endswith("__init__.py"))
    }


def _measured(
    items: Mapping[Key, bytes], known: Mapping[Key, MeasuredContent]
) -> dict[Key, MeasuredContent]:
    """Every content measured: from the cache where it is known, else now."""
    return {**known, **measure({k: v for k, v in items.items() if k not in known})}


def _unlinted(
    items: Mapping[Key, bytes], known: Mapping[Key, MeasuredContent], touched: set[str]
) -> dict[Key, bytes]:
    """The touched contents the cache holds no ruff hits for."""
    return {
        key: content
        for key, content in items.items()
        if key[1] in touched and (key not in known or known[key].hits is None)
    }


def _check_costs(
    catalogue: CatalogueOnDemand,
    items: Mapping[Key, bytes],
    known: Mapping[Key, MeasuredContent],
    touched: set[str],
) -> None:
    """The configuration's costs are checked (ConfigError) unless findings cached under
    the same salt prove they were accepted before."""
    touched_keys = [key for key in items if key[1] in touched]
    if not touched_keys or any(known.get(key, _MISSING).findings is None for key in touched_keys):
        catalogue()


def _lint_tool(root: str, settings: Settings, notes: list[str]) -> LintTool | None:
    tool, problem = prepare_lint(root, settings, set())
    if problem:
        notes.append(f"lint findings not compared: {problem}")
    return tool


def _content_cache(settings: Settings, tool: LintTool | None, salt: str = "") -> ContentCache:
    folder = os.path.join(settings.root, settings.cache_dir)
    return ContentCache(folder, tool.salt if tool is not None else "", _salt(settings) + salt)


@dataclass
class _Judge:
    """Builds one side's snapshot from the measurements, computing (and keeping in
    ``measured``, for the cache) the findings of a touched file that has none yet."""

    settings: Settings
    catalogue: CatalogueOnDemand
    linted: bool
    touched: set[str]
    measured: dict[Key, MeasuredContent]
    settings_of: Callable[[str], Settings] | None = None

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

    def _state(self, key: Key, content: bytes, state: MeasuredContent) -> FileState:
        path = key[1]
        if isinstance(state.metrics, NotAnalysed):
            return FileState(path, error=state.metrics.reason)
        found = state.findings
        if found is None or (self.linted and state.hits is None):
            catalogue = self.catalogue()
            lint = lint_findings(path, state.hits, catalogue) if self.linted else None
            own = self.settings_of(path) if self.settings_of is not None else self.settings
            found = tuple(file_findings(path, content, state.metrics, own, catalogue, lint))
            if not self.linted or state.hits is not None:  # complete: worth keeping
                self.measured[key] = replace(state, findings=found)
        return FileState(path, state.metrics.functions, found, state.interface)


def _start_lint(
    tool: LintTool | None,
    root: str,
    unlinted: dict[Key, bytes],
    head_where: str,
    in_memory: frozenset[str] = frozenset(),
) -> Pending | None:
    """ruff on the contents to lint, started so that it runs while the files are measured
    (None without ruff): the work tree's files where they are, by one process; the others
    (and those ``in_memory``) piped in, each under its key "side\0path"."""
    if tool is None:
        return None
    on_disk = [
        path
        for side, path in unlinted
        if side == 1 and head_where == WORKTREE and path not in in_memory
    ]
    piped = {
        f"{side}\0{path}": (path, content)
        for (side, path), content in unlinted.items()
        if not (side == 1 and path in on_disk)
    }
    return Pending(tool, root, on_disk, contents=piped)


def _collect_lint(run: Pending, measured: dict[Key, MeasuredContent]) -> list[str]:
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

    from codehealth.adapters.files import catalogue_texts

    debt = settings.debt
    inputs = (settings.thresholds, sorted(catalogue_texts().items()), debt.costs)
    text = repr((inputs, debt.minutes_per_point)).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).hexdigest()


_MISSING = MeasuredContent(NotAnalysed("", ""), None, "")


class CatalogueOnDemand:
    """The rule catalogue with the team's costs, parsed on first use: a run whose findings
    all come from the cache never parses it. Its salt (above) covers the same inputs, so a
    configuration ``load_catalogue`` refuses never produced a cached entry."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.loaded: Catalogue | None = None

    def __call__(self) -> Catalogue:
        if self.loaded is None:
            from codehealth.adapters.files import load_catalogue

            self.loaded = load_catalogue(self.settings)
        return self.loaded
