"""What the gate counts in one file's content, one function per source of findings.

- ``file_findings``: the complexity and marker rules of the catalogue (``codehealth.debt``),
  priced and fingerprinted exactly as ``codehealth debt`` does it.
- ``lint_findings``: ruff on contents that need not be on disk (the base revision, the
  index), one ``ruff check --stdin-filename`` per file, all running at once.
- ``project_findings``: project-wide results (boundary violations, broken contracts,
  cycles) of one revision. The seam for ``codehealth.boundaries``.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import replace

from codehealth.catalogue import Catalogue
from codehealth.config import ConfigError, Settings
from codehealth.debt import (
    Hit,
    complexity_findings,
    find_markers,
    finish_file,
    price_lint_hits,
    price_rule_hits,
)
from codehealth.lint import LintTool, LintUnavailable, parse_ruff, prepare_ruff
from codehealth.model import FileMetrics, Finding
from codehealth.sources import WORKTREE, export_tree


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
        return prepare_ruff(root, settings.debt.ruff, folders), ""
    except LintUnavailable as error:
        return None, str(error)


class LintRun:
    """ruff started on many (path, content) pairs at once; ``results()`` collects them.

    Contents given in ``contents`` are piped to one ``ruff --stdin-filename`` each; the
    keys in ``on_disk`` name files whose content is the one on disk (the work tree): one
    ruff process lints them all.
    """

    def __init__(
        self,
        tool: LintTool,
        root: str,
        contents: Mapping[str, bytes],
        on_disk: Sequence[str] = (),
    ) -> None:
        self.root = root
        self.problem = ""
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.groups: dict[str, list[str]] = {}  # process key -> the content keys it lints
        self.contents = contents
        try:
            if on_disk:
                paths = [os.path.join(root, key.split("\0")[-1]) for key in on_disk]
                self._start("disk", [*tool.command, *paths], None)
                self.groups["disk"] = list(on_disk)
            for key, content in contents.items():  # ruff reads all its input before it writes
                path = key.split("\0")[-1]
                command = [*tool.command, "--stdin-filename", os.path.join(root, path), "-"]
                self._start(key, command, content)
                self.groups[key] = [key]
        except OSError as error:
            self.problem = f"ruff could not be started: {error.strerror or error}"

    def _start(self, key: str, command: list[str], content: bytes | None) -> None:
        process = subprocess.Popen(
            command,
            cwd=self.root,
            stdin=subprocess.PIPE if content is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.processes[key] = process
        if content is not None:
            assert process.stdin is not None
            process.stdin.write(content)
            process.stdin.close()

    def results(self) -> dict[str, list[Hit]]:
        """key -> ruff's hits of that content. ``key`` is ``label\\0path``."""
        found: dict[str, list[Hit]] = {}
        for name, process in self.processes.items():
            assert process.stdout is not None
            output = process.stdout.read()
            process.stdout.close()
            process.wait()
            keys = self.groups.get(name, [])
            if process.returncode != 0:
                where = keys[0].split("\0")[-1] if len(keys) == 1 else f"{len(keys)} files"
                self.problem = f"ruff failed on {where} (exit code {process.returncode})"
                continue
            try:
                hits = parse_ruff(output, self.root)
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                self.problem = f"ruff printed output codehealth cannot read: {error}"
                continue
            for key in keys:
                path = key.split("\0")[-1]
                if name == "disk":
                    found[key] = hits.get(path, [])
                else:
                    found[key] = [hit for of_file in hits.values() for hit in of_file]
        return found


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
    into a temporary folder (never a checkout of the user's tree) and checked uncached."""
    import tempfile

    from codehealth.app.boundaries import OverrideError, run_boundaries

    try:
        report = None
        if revision == WORKTREE or overrides is not None:
            try:
                report = run_boundaries(settings.root, settings=settings, overrides=overrides)
            except OverrideError:
                if revision == WORKTREE:
                    raise
        if report is None:
            with tempfile.TemporaryDirectory(prefix="codehealth-gate-") as folder:
                export_tree(root, revision, folder)
                inside = os.path.join(folder, os.path.relpath(settings.root, root))
                if not os.path.isdir(inside):
                    return [], ""
                moved = replace(settings, root=inside)
                report = run_boundaries(inside, settings=moved, use_cache=False)
    except ConfigError as error:
        return [], f"boundaries not compared: {error}"
    except Exception as error:  # noqa: BLE001 - the rest of the verdict stands without it
        return [], f"boundaries not compared: {type(error).__name__}: {error}"
    return [violation.finding for violation in report.violations], ""
