"""The gate use case: collect the touched files at two revisions, compare (pure), verdict.
Its cost depends on the change: a few git processes, the touched files (and their packages'
``__init__.py``) read from git objects, never a checkout; the new copies (CH510) at last."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from codehealth.adapters.files import load_settings
from codehealth.adapters.git import (
    repository_root,
)
from codehealth.core import ChangedFile, Finding, Settings
from codehealth.gate.boundaries_step import local_boundaries
from codehealth.gate.change_step import Change, read_change
from codehealth.gate.changed_coverage import coverage_problems, with_coverage
from codehealth.gate.coverage_step import CoverageFiles, CoverageInputs, change_coverage
from codehealth.gate.duplication_step import duplication_problems
from codehealth.gate.findings_step import project_findings
from codehealth.gate.measure_step import Key, MeasuredContent
from codehealth.gate.overrides_step import revision_overrides
from codehealth.gate.proposed_step import head_overrides
from codehealth.gate.report import GateReport, with_problems
from codehealth.gate.review_step import ReviewLater, TouchedChange
from codehealth.gate.snapshots_step import (
    CatalogueOnDemand,
    ContentSource,
    ProjectFindings,
    SnapshotRun,
    snapshots,
)
from codehealth.gate.verdict import compare
from codehealth.gate.workspace_step import by_project, gate_workspace


@dataclass(frozen=True, slots=True)
class GateRequest:
    """What ``run_gate_request`` compares, and how.

    ``base_ref``'s merge base with HEAD against the work tree, or (``staged``) HEAD against the
    index. ``policy``: gate settings from the command line (``--strict``), over the config's.
    ``whole_project_boundaries`` compares the whole project's boundary results at both
    revisions, each copied out of git, even when the change cannot alter them (slower: the
    reference the fast paths are tested against). ``use_cache``: read and write the
    per-content results in ``.codehealth/``. ``coverage``: the coverage data files given.
    ``review``: add the review guidance (hotspots, co-changes, reviewers, level)."""

    folder: str = "."
    base_ref: str | None = None
    staged: bool = False
    settings: Settings | None = None
    config_file: str | None = None
    lint: bool = True
    boundaries: bool = True
    whole_project_boundaries: bool = False
    use_cache: bool = True
    policy: Mapping[str, Any] | None = None
    coverage: CoverageFiles = field(default_factory=CoverageFiles)
    # repository-relative path -> content standing in for the work tree's file (or adding
    # it), never written: the gate on a proposed edit (``proposed_step``)
    proposed: Mapping[str, bytes] = field(default_factory=dict)
    review: bool = True


def run_gate(
    folder: str = ".",
    base_ref: str | None = None,
    *,
    staged: bool = False,
    lint: bool = True,
    whole_project_boundaries: bool = False,
    use_cache: bool = True,
) -> GateReport:
    """Compare the change under review with its base (see ``GateRequest``), with the
    project's own configuration."""
    return run_gate_request(
        GateRequest(
            folder,
            base_ref,
            staged=staged,
            lint=lint,
            whole_project_boundaries=whole_project_boundaries,
            use_cache=use_cache,
        )
    )


def run_gate_request(request: GateRequest) -> GateReport:
    """Compare the change under review with its base, as ``request`` says."""
    root = repository_root(os.path.abspath(request.folder))
    settings = _settings(root, request)
    given = request.settings is not None or request.config_file
    workspace = None if given else gate_workspace(root, request.policy, settings, request.use_cache)
    catalogue = CatalogueOnDemand(settings)
    in_memory = frozenset(request.proposed)
    run = SnapshotRun(
        root, settings, catalogue, request.lint, request.use_cache, [], workspace, in_memory
    )
    change = read_change(root, settings, request.base_ref, request.staged, request.proposed)
    review = _review_later(root, settings, request, change)
    sides = ((change.base, change.before), (change.target, change.after))
    checker = _checker(root, run, request, change)
    base, head = snapshots(run, sides, change.keys, checker)
    lines, settings_of = change.lines, run.settings_of
    report = compare(
        base, head, change.changes, settings, changed_lines=lines, settings_of=settings_of
    )
    where = (change.base.where, change.target.where)
    contents = (change.before, change.after)
    inputs = CoverageInputs(root, where, change.changes, contents, (base, head))
    coverage, fallen = change_coverage(inputs, settings, request.coverage, run.notes)
    if coverage is not None:
        found = coverage_problems(coverage, fallen, settings.gate)
        report = with_coverage(report, coverage, found)
    copies = duplication_problems(root, settings, where[0], change, request.use_cache, run.notes)
    report = with_problems(report, copies)
    if review is not None:
        touched = TouchedChange(
            change.every_change, (base, head), change.before, change.after, change.lines_of
        )
        report = review.add_to(report, touched)
    return replace(report, mode=change.mode, notes=tuple(run.notes))


def _review_later(
    root: str, settings: Settings, request: GateRequest, change: Change
) -> ReviewLater | None:
    """The review guidance's history, read while the gate measures (None: not asked for)."""
    if not request.review:
        return None
    later = ReviewLater(
        root, change.base.where, settings, staged=request.staged, cache=request.use_cache
    )
    return later.start()


def _settings(root: str, request: GateRequest) -> Settings:
    """The given settings or the project's, with the command line's policy over them."""
    settings = request.settings
    if settings is None:
        settings = load_settings(root, request.config_file)
    if request.policy:
        settings = replace(settings, gate=replace(settings.gate, **request.policy))
    return settings


def _checker(root: str, run: SnapshotRun, request: GateRequest, change: Change) -> ProjectFindings:
    """The boundary results of both revisions: the project's, or each project's."""
    if run.workspace is None:
        return _ProjectBoundaries(root, run.settings, request, change, run.notes)
    return by_project(
        run.workspace,
        change,
        lambda settings, mine: _ProjectBoundaries(root, settings, request, mine, run.notes),
    )


@dataclass(frozen=True, slots=True)
class _ProjectBoundaries:
    """Boundary findings of both sides: none when the change cannot alter them, those of
    the touched files when it is local, else the whole project's."""

    root: str
    settings: Settings
    request: GateRequest
    change: Change
    notes: list[str]

    def __call__(self, measured: Mapping[Key, MeasuredContent]) -> tuple[list[Finding], ...]:
        change = self.change
        if not (self.request.boundaries and (change.keys or change.uncounted)):
            return [], []
        if not self._whole_project_needed():
            if not change.uncounted and not _may_cross_boundaries(change.changes, measured):
                return [], []
            sides = (change.before, change.after)
            local = local_boundaries(
                self.root, self.settings, change.every_change, sides, self.request.staged
            )
            if not isinstance(local, str):
                return local
        return self._whole_project()

    def _whole_project_needed(self) -> bool:
        """Asked for, or a configuration file that boundaries read changed."""
        return self.request.whole_project_boundaries or _config_changed(
            self.root, self.settings, self.change.every_change
        )

    def _whole_project(self) -> tuple[list[Finding], ...]:
        change = self.change
        overrides = (
            (None, None)  # the reference: each revision copied out of git
            if self.request.whole_project_boundaries
            else revision_overrides(
                self.root, change.every_change, (change.before, change.after), self.request.staged
            )
        )
        if self.request.proposed:  # the head: the work tree with the proposal standing in
            given = head_overrides(self.root, self.request.proposed, change.every_change)
            if isinstance(given, str):
                self.notes.append(given)
                return [], []
            overrides = (overrides[0], given)
        return tuple(
            _whole_project(self.root, self.settings, revision, self.notes, given)
            for revision, given in zip((change.base, change.target), overrides, strict=True)
        )


def _may_cross_boundaries(
    changes: Sequence[ChangedFile], measured: Mapping[Key, MeasuredContent]
) -> bool:
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
    """A configuration file that boundaries read (the project's, import-linter's; those
    that may name the Django settings module) changed."""
    names = {"pyproject.toml", "setup.cfg", ".importlinter", "manage.py", "pytest.ini", "tox.ini"}
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
    revision: ContentSource,
    notes: list[str],
    overrides: dict[str, bytes] | None,
) -> list[Finding]:
    """The whole project's boundary findings at ``revision`` (``overrides``: that revision
    as the work tree with a few files standing in)."""
    found, problem = project_findings(root, revision.where, settings, overrides)
    if problem and problem not in notes:
        notes.append(problem)
    return found
