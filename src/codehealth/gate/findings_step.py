"""What the gate counts in one file's content, one function per source of findings.

- ``file_findings``: the complexity and marker rules of the catalogue (``codehealth.debt``),
  priced and fingerprinted exactly as ``codehealth debt`` does it.
- ``lint_findings``: ruff's hits of one file (run by ``codehealth.adapters.linters.Pending``,
  on disk or piped in for contents that are not: the base revision, the index) priced as
  findings.
- ``project_findings``: project-wide results (boundary violations, broken contracts,
  cycles) of one revision. The seam for ``codehealth.boundaries``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import replace

from codehealth.adapters.git import WORKTREE, export_tree
from codehealth.adapters.linters import LintTool, LintUnavailable, prepare_ruff
from codehealth.core import (
    BoundaryReport,
    Catalogue,
    ConfigError,
    FileMetrics,
    Finding,
    Hit,
    Settings,
    error_text,
    isolated,
    price_lint_hits,
    price_rule_hits,
)
from codehealth.findings import complexity_findings, find_markers, finish_file


def file_findings(
    path: str,
    source: bytes,
    metrics: FileMetrics | None,
    settings: Settings,
    catalogue: Catalogue,
    lint: list[Finding] | None = None,
) -> list[Finding]:
    """The findings of ONE file (``path`` is the head-side path), with fingerprints."""
    found: list[Finding] = []
    if metrics is not None:
        found.extend(complexity_findings([metrics], settings.thresholds, catalogue))
    found.extend(price_rule_hits(path, find_markers(source), catalogue))
    found.extend(lint or [])
    return finish_file(found, metrics, source)


def prepare_lint(root: str, settings: Settings, folders: set[str]) -> tuple[LintTool | None, str]:
    """The ruff command for the gate, or None and why not."""
    if settings.debt.ruff == "off":
        return None, ""
    try:
        cache = os.path.join(root, settings.cache_dir)
        return prepare_ruff(root, settings.debt.ruff, folders, cache), ""
    except LintUnavailable as error:
        return None, str(error)


def lint_findings(
    path: str, hits: Sequence[Hit] | None, catalogue: Catalogue
) -> list[Finding] | None:
    """ruff's hits of one file priced as findings (not fingerprinted yet); None: not linted."""
    if hits is None:
        return None
    return price_lint_hits("ruff", path, hits, catalogue)


def project_findings(
    root: str, revision: str, settings: Settings, overrides: Mapping[str, bytes] | None = None
) -> tuple[list[Finding], str]:
    """Boundary violations, broken contracts and cycles of the whole project at
    ``revision`` (WORKTREE: the files on disk), fingerprinted, and why they are missing
    ("" when they are not). The gate fails on those new at head: an import in one file
    can break a contract elsewhere.

    ``overrides`` (absolute path -> content) describe ``revision`` as the work tree with a
    few edited files standing in: the work tree's cached import graph is patched with their
    imports. Otherwise a revision other than the work tree is exported from git objects
    into a temporary folder (never a checkout of the user's tree) and checked with the
    project's caches (keyed by content)."""
    notes: list[str] = []
    try:
        report = isolated(
            lambda: _boundary_report(root, revision, settings, overrides),
            lambda error: notes.append(error_text(error)),
        )
    except ConfigError as error:  # the revision's configuration: only this part is missing
        return [], f"boundaries not compared: {error}"
    if notes:
        return [], f"boundaries not compared: {notes[0]}"
    return ([violation.finding for violation in report.violations] if report else []), ""


def _boundary_report(
    root: str, revision: str, settings: Settings, overrides: Mapping[str, bytes] | None
) -> BoundaryReport | None:
    """The boundaries report of ``revision``; None when the project is not in it."""
    import tempfile

    from codehealth.adapters.imports import OverrideError
    from codehealth.boundaries import run_boundaries

    if revision == WORKTREE or overrides is not None:
        try:
            return run_boundaries(settings.root, settings=settings, overrides=overrides)
        except OverrideError:
            if revision == WORKTREE:
                raise
    with tempfile.TemporaryDirectory(prefix="codehealth-gate-") as folder:
        export_tree(root, revision, folder)
        inside = os.path.join(folder, os.path.relpath(settings.root, root))
        if not os.path.isdir(inside):
            return None
        moved = replace(settings, root=inside)
        # cached in the project's .codehealth/ by content: the report a run at that commit
        # made (here, or in the clone whose cache CI restored) is found, the copy's imports
        # are read from grimp's cache
        return run_boundaries(inside, settings=moved, cache_root=settings.root)
