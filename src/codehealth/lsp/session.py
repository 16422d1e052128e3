"""The language server's state: the project's settings, catalogue and baseline (reloaded when
pyproject.toml or the baseline changes), and each open buffer with its last results. The
run step of ``codehealth lsp``: it reads files; the measuring is ``analysis``'s."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from codehealth.adapters.files import (
    accepted_fingerprints,
    baseline_path,
    is_excluded,
    load_catalogue,
    load_settings,
    read_file,
)
from codehealth.core import (
    Catalogue,
    ConfigError,
    EditorAction,
    EditorDiagnostic,
    EditorLens,
    Finding,
    Publications,
    Settings,
    Span,
    error_text,
    isolated,
)
from codehealth.lsp.analysis import Buffer, BufferResult, analyse_buffer
from codehealth.lsp.features import hover_text, ignore_actions

_SOURCE = (".py", ".pyi")
_LINE = re.compile(r"line (\d+)")
T = TypeVar("T")

# Boundary findings of a buffer: (settings, absolute path, content) -> findings.
BoundaryCheck = Callable[[Settings, str, bytes], Sequence[Finding]]


@dataclass(frozen=True, slots=True)
class _Document:
    version: int
    text: str
    result: BufferResult | None = None
    boundaries: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class _Project:
    settings: Settings
    catalogue: Catalogue
    accepted: frozenset[str] | None


class Session:
    """``codehealth.core.EditorEngine`` for one project. ``boundaries``: the check of a
    buffer's imports, run on open and save (None: no boundary diagnostics)."""

    def __init__(self, boundaries: BoundaryCheck | None = None, show_all: bool = False) -> None:
        self._boundaries = boundaries
        self._root = os.getcwd()
        self._default_all = self._show_all = show_all
        self._project: _Project | None = None
        self._config_error = ""
        self._documents: dict[str, _Document] = {}

    def start(self, root: str, options: Mapping[str, object]) -> Publications:
        self._root = os.path.abspath(root)
        self._show_all = self._default_all or bool(options.get("showAll"))
        return self._load()

    def update(self, path: str, version: int, text: str) -> bool:
        known = self._documents.get(path)
        if known is not None and version < known.version:
            return False  # an edit older than the text already held
        kept = known or _Document(version, text)
        self._documents[path] = replace(kept, version=version, text=text)
        return True

    def diagnose(self, path: str) -> Publications:
        project, relative = self._project, self._relative(path)
        if project is None or relative is None:
            return {path: ()}
        document = self._documents.get(path) or self._from_disk(path)
        if document is None:  # deleted, and not open
            return {path: ()}
        source = document.text.encode("utf-8", "surrogateescape")
        buffer = Buffer(
            relative, source, project.settings, project.catalogue, project.accepted, self._show_all
        )
        last = document.result.metrics if document.result else None
        result = analyse_buffer(buffer, last, document.boundaries)
        if path in self._documents:
            self._documents[path] = replace(document, result=result)
        return {path: result.diagnostics}

    def import_job(self, path: str) -> Callable[[], object] | None:
        """The boundary check of the buffer's current text, to run on another thread (it
        reads the project's caches; it touches none of the session's state)."""
        check, project, document = self._boundaries, self._project, self._documents.get(path)
        if check is None or project is None or document is None or not self._relative(path):
            return None
        settings = project.settings
        source = document.text.encode("utf-8", "surrogateescape")

        def failed(why: str) -> None:  # the editor's log of the server shows its stderr
            sys.stderr.write(f"codehealth lsp: {path}: imports not checked: {why}\n")

        return lambda: _guarded(lambda: tuple(check(settings, path, source)), failed)

    def imports_checked(self, path: str, found: object) -> Publications:
        """Keep the findings of an ``import_job`` (None: it failed, the last ones stay)."""
        document = self._documents.get(path)
        if document is None or not isinstance(found, tuple):
            return {}
        self._documents[path] = replace(document, boundaries=found)
        return self.diagnose(path)

    def close(self, path: str) -> Publications:
        self._documents.pop(path, None)
        return {path: ()}

    def is_config(self, path: str) -> bool:
        watched = {self._config_path()}
        if self._project is not None:
            watched.add(os.path.abspath(baseline_path(self._project.settings)))
        return os.path.abspath(path) in watched

    def reload(self) -> Publications:
        published = dict(self._load())
        for path in list(self._documents):
            published.update(self.diagnose(path))
        return published

    def lenses(self, path: str) -> tuple[EditorLens, ...]:
        document = self._documents.get(path)
        return document.result.lenses if document and document.result else ()

    def hover(self, path: str, line: int, character: int) -> str | None:
        document = self._documents.get(path)
        if document is None or document.result is None or self._project is None:
            return None
        return hover_text(document.result.diagnostics, line, character, self._project.catalogue)

    def actions(self, path: str, line: int, rules: Sequence[str]) -> tuple[EditorAction, ...]:
        document = self._documents.get(path)
        if document is None:
            return ()
        lines = document.text.split("\n")
        return ignore_actions(line, lines[line] if line < len(lines) else "", rules)

    def _load(self) -> Publications:
        """Read the configuration; when it is invalid, keep the last good one (or the
        defaults) and publish the error on the configuration file."""
        config = self._config_path()
        try:
            self._project = _read_project(self._root)
            self._config_error = ""
            return {config: ()}
        except ConfigError as error:
            self._config_error = str(error)
        if self._project is None:
            settings = Settings(root=self._root)
            self._project = _Project(settings, load_catalogue(None), None)
        match = _LINE.search(self._config_error)
        line = int(match.group(1)) - 1 if match else 0
        message = f"codehealth: {self._config_error} (the last valid configuration is used)"
        return {config: (EditorDiagnostic(Span(line, 0, line, 0), "config", message, "error"),)}

    def _config_path(self) -> str:
        settings = self._project.settings if self._project else None
        chosen = settings.config_file if settings else None
        return os.path.abspath(chosen or os.path.join(self._root, "pyproject.toml"))

    def _relative(self, path: str) -> str | None:
        """The project-relative path of a Python file the project measures, else None."""
        if self._project is None or not path.endswith(_SOURCE):
            return None
        settings = self._project.settings
        relative = os.path.relpath(os.path.abspath(path), settings.root).replace(os.sep, "/")
        if relative.startswith("../") or is_excluded(relative, settings.excluded_patterns):
            return None
        return relative

    def _from_disk(self, path: str) -> _Document | None:
        try:
            return _Document(0, read_file(path).decode("utf-8", "surrogateescape"))
        except OSError:
            return None


def _read_project(root: str) -> _Project:
    settings = load_settings(root)
    return _Project(settings, load_catalogue(settings), accepted_fingerprints(settings))


def _guarded(compute: Callable[[], T], failed: Callable[[str], None]) -> T | None:
    """``compute()``, or None when it fails for any reason (a configuration too)."""
    try:
        return isolated(compute, lambda error: failed(error_text(error)))
    except ConfigError as error:
        failed(str(error))
        return None
