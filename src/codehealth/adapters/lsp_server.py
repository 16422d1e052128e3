"""The Language Server Protocol over stdio (pygls): the only module that imports pygls and
lsprotocol. It turns editor messages into calls of a ``codehealth.core.EditorEngine`` and
the engine's values into LSP types; what a buffer's diagnostics are is the engine's
business. Full-document sync: each change carries the whole text, so an edit that arrives
late (an older version) is simply ignored."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from typing import Any, BinaryIO, cast

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from codehealth.core import EditorAction, EditorDiagnostic, EditorEngine, Publications, Span

DEBOUNCE_SECONDS = 0.3  # after the last keystroke; open and save are diagnosed at once

_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "information": types.DiagnosticSeverity.Information,
    "hint": types.DiagnosticSeverity.Hint,
}
_WATCHED = ("**/pyproject.toml", "**/.codehealth-baseline")


def serve(engine: Callable[[], EditorEngine], name: str, version: str) -> None:
    """Answer an editor on stdin/stdout until it exits. ``engine`` is made, and the project
    read, after the answer to ``initialize``: the editor's wait is the protocol's imports."""
    # the process's own streams: the console's CI-safe wrappers would filter the protocol
    stdin, stdout = sys.__stdin__, sys.__stdout__
    assert stdin is not None and stdout is not None  # a server started without pipes
    build_server(engine, name, version).start_io(
        cast(BinaryIO, stdin.buffer), cast(BinaryIO, stdout.buffer)
    )


def build_server(engine: Callable[[], EditorEngine], name: str, version: str) -> LanguageServer:
    server = LanguageServer(name, version, text_document_sync_kind=types.TextDocumentSyncKind.Full)
    _Handlers(server, engine).register()
    return server


class _Handlers:
    def __init__(self, server: LanguageServer, make: Callable[[], EditorEngine]) -> None:
        self.server = server
        self.make = make
        self.made: EditorEngine | None = None
        self.delay = DEBOUNCE_SECONDS
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.checking: set[str] = set()  # paths whose import check runs on the thread
        self.again: set[str] = set()  # ... and whose text changed meanwhile (a save)
        self.root = os.getcwd()
        self.options: dict[str, Any] = {}

    @property
    def engine(self) -> EditorEngine:
        if self.made is None:
            self.made = self.make()
        return self.made

    def register(self) -> None:
        # pygls marks the functions it registers: plain functions, not bound methods
        def on(method: str, handler: Callable[[Any], Any], options: Any = None) -> None:
            def call(params: Any) -> Any:
                return handler(params)

            self.server.feature(method, options)(call)

        on(types.INITIALIZE, self.initialize)
        on(types.INITIALIZED, self.initialized)
        on(types.TEXT_DOCUMENT_DID_OPEN, self.did_open)
        on(types.TEXT_DOCUMENT_DID_CHANGE, self.did_change)
        on(types.TEXT_DOCUMENT_DID_SAVE, self.did_save, types.SaveOptions(include_text=True))
        on(types.TEXT_DOCUMENT_DID_CLOSE, self.did_close)
        on(types.WORKSPACE_DID_CHANGE_WATCHED_FILES, self.watched)
        on(types.TEXT_DOCUMENT_CODE_LENS, self.code_lens)
        on(types.TEXT_DOCUMENT_HOVER, self.hover)
        kinds = types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
        on(types.TEXT_DOCUMENT_CODE_ACTION, self.code_action, kinds)

    def initialize(self, params: types.InitializeParams) -> None:
        options = params.initialization_options
        options = options if isinstance(options, dict) else {}
        if isinstance(options.get("debounceMs"), (int, float)):
            self.delay = max(float(options["debounceMs"]), 0.0) / 1000
        self.root, self.options = _root(params), options

    def initialized(self, params: types.InitializedParams) -> None:
        # synchronous: the notifications after it (didOpen) find the project read
        self.publish(self.engine.start(self.root, self.options))
        watch = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in _WATCHED]
        )
        registration = types.Registration(
            id="codehealth-config",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=watch,
        )
        capabilities = self.server.client_capabilities.workspace
        watched = capabilities.did_change_watched_files if capabilities else None
        if watched is not None and watched.dynamic_registration:
            self.server.client_register_capability(
                types.RegistrationParams(registrations=[registration])
            )

    def did_open(self, params: types.DidOpenTextDocumentParams) -> None:
        document = params.text_document
        path = _path(document.uri)
        if self.engine.update(path, document.version, document.text):
            self.publish(self.engine.diagnose(path))
            self.check_imports(path)

    def did_change(self, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        change = params.content_changes[-1] if params.content_changes else None
        if change is None:
            return
        text = change.text
        if isinstance(change, types.TextDocumentContentChangePartial):
            # a client that sends ranges despite full sync: pygls has applied them
            text = self.server.workspace.get_text_document(uri).source
        path = _path(uri)
        if not self.engine.update(path, params.text_document.version, text):
            return
        self.cancel(path)
        if self.delay <= 0:
            self.publish(self.engine.diagnose(path))
            return
        later = asyncio.get_running_loop().call_later(self.delay, self.fire, path)
        self.pending[path] = later

    def fire(self, path: str) -> None:
        self.pending.pop(path, None)
        self.publish(self.engine.diagnose(path))

    def did_save(self, params: types.DidSaveTextDocumentParams) -> None:
        path = _path(params.text_document.uri)
        self.cancel(path)
        if self.engine.is_config(path):
            self.reload()
            return
        if params.text is not None:
            self.engine.update(path, _version(self.server, params.text_document.uri), params.text)
        self.publish(self.engine.diagnose(path))
        self.check_imports(path)

    def did_close(self, params: types.DidCloseTextDocumentParams) -> None:
        path = _path(params.text_document.uri)
        self.cancel(path)
        self.publish(self.engine.close(path))

    def watched(self, params: types.DidChangeWatchedFilesParams) -> None:
        paths = [(_path(change.uri), change.type) for change in params.changes]
        if any(self.engine.is_config(path) for path, _ in paths):
            self.reload()
        for path, kind in paths:
            if kind == types.FileChangeType.Deleted and not self.engine.is_config(path):
                self.cancel(path)
                self.publish(self.engine.close(path))

    def code_lens(self, params: types.CodeLensParams) -> list[types.CodeLens]:
        return [
            types.CodeLens(
                range=_range(Span(lens.line, 0, lens.line, 0)),
                command=types.Command(title=lens.title, command=""),
            )
            for lens in self.engine.lenses(_path(params.text_document.uri))
        ]

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        position = params.position
        path = _path(params.text_document.uri)
        text = self.engine.hover(path, position.line, position.character)
        if text is None:
            return None
        content = types.MarkupContent(kind=types.MarkupKind.PlainText, value=text)
        return types.Hover(contents=content)

    def code_action(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        line = params.range.start.line
        seen = [d for d in params.context.diagnostics if isinstance(d.code, str)]
        rules = [str(d.code) for d in seen]
        return [
            _action(uri, action, [d for d in seen if d.code == action.rule])
            for action in self.engine.actions(_path(uri), line, rules)
        ]

    def reload(self) -> None:
        published = self.engine.reload()
        self.publish(published)
        for path in published:
            self.check_imports(path)

    def check_imports(self, path: str) -> None:
        """Run the buffer's import check on a thread, one at a time per file; a save
        meanwhile runs it again when it is done."""
        job = self.engine.import_job(path)
        if job is None:
            return
        if path in self.checking:
            self.again.add(path)
            return
        self.checking.add(path)
        running = asyncio.get_running_loop().run_in_executor(None, job)
        running.add_done_callback(lambda done: self.imports_done(path, done))

    def imports_done(self, path: str, done: asyncio.Future[object]) -> None:
        self.checking.discard(path)
        failed = done.cancelled() or done.exception() is not None
        self.publish(self.engine.imports_checked(path, None if failed else done.result()))
        if path in self.again:
            self.again.discard(path)
            self.check_imports(path)

    def cancel(self, path: str) -> None:
        handle = self.pending.pop(path, None)
        if handle is not None:
            handle.cancel()

    def publish(self, publications: Publications) -> None:
        for path, diagnostics in publications.items():
            params = types.PublishDiagnosticsParams(
                uri=from_fs_path(path) or path, diagnostics=[_diagnostic(d) for d in diagnostics]
            )
            self.server.text_document_publish_diagnostics(params)


def _root(params: types.InitializeParams) -> str:
    folders = params.workspace_folders or []
    for uri in (*(f.uri for f in folders), params.root_uri):
        if uri:
            return _path(uri)
    return params.root_path or os.getcwd()


def _path(uri: str) -> str:
    return os.path.abspath(to_fs_path(uri) or uri)


def _version(server: LanguageServer, uri: str) -> int:
    """The version of the open document (a save carries none)."""
    version = server.workspace.get_text_document(uri).version
    return version if version is not None else 0


def _range(span: Span) -> types.Range:
    return types.Range(
        start=types.Position(line=span.line, character=span.character),
        end=types.Position(line=span.end_line, character=span.end_character),
    )


def _diagnostic(diagnostic: EditorDiagnostic) -> types.Diagnostic:
    return types.Diagnostic(
        range=_range(diagnostic.span),
        message=diagnostic.message,
        severity=_SEVERITY.get(diagnostic.severity, types.DiagnosticSeverity.Warning),
        code=diagnostic.rule,
        source="codehealth",
    )


def _action(uri: str, action: EditorAction, fixed: list[types.Diagnostic]) -> types.CodeAction:
    at = types.Position(line=action.line, character=action.character)
    edit = types.TextEdit(range=types.Range(start=at, end=at), new_text=action.text)
    return types.CodeAction(
        title=action.title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=fixed or None,
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )
