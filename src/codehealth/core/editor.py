"""What codehealth tells an editor about one buffer, in its own terms: the language server's
feature logic (``codehealth.lsp``) produces these, its protocol adapter
(``codehealth.adapters.lsp_server``) turns them into LSP messages. Lines and characters are
0-based, as the protocol counts them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

# codehealth's severities, as an editor shows them
EDITOR_SEVERITY = {
    "blocker": "error",
    "critical": "error",
    "major": "warning",
    "minor": "warning",
    "info": "information",
}


@dataclass(frozen=True, slots=True)
class Span:
    line: int
    character: int
    end_line: int
    end_character: int

    def holds(self, line: int, character: int) -> bool:
        after_start = (line, character) >= (self.line, self.character)
        return after_start and (line, character) <= (self.end_line, self.end_character)


@dataclass(frozen=True, slots=True)
class EditorDiagnostic:
    """A finding in a buffer. ``severity``: error, warning, information or hint."""

    span: Span
    rule: str
    message: str
    severity: str


@dataclass(frozen=True, slots=True)
class EditorLens:
    """A line of text shown above ``line`` (a function's complexity)."""

    line: int
    title: str


@dataclass(frozen=True, slots=True)
class EditorAction:
    """A quick fix: insert ``text`` at (``line``, ``character``)."""

    title: str
    rule: str
    line: int
    character: int
    text: str


# path -> the diagnostics to publish for it (an empty tuple clears the file's)
Publications = Mapping[str, tuple[EditorDiagnostic, ...]]


class EditorEngine(Protocol):
    """The language server's features, by absolute file path; never raises for bad input."""

    def start(self, root: str, options: Mapping[str, object]) -> Publications: ...

    def update(self, path: str, version: int, text: str) -> bool:
        """Keep a buffer's new text; False (ignored) when ``version`` is older than known."""
        ...

    def diagnose(self, path: str) -> Publications:
        """The buffer's diagnostics now; the boundary ones of its last ``import_job``."""
        ...

    def import_job(self, path: str) -> Callable[[], object] | None:
        """The slow part (a buffer's imports against the project), to run on a thread;
        its result goes to ``imports_checked``. None: nothing to check."""
        ...

    def imports_checked(self, path: str, found: object) -> Publications: ...

    def close(self, path: str) -> Publications: ...

    def is_config(self, path: str) -> bool: ...

    def reload(self) -> Publications: ...

    def lenses(self, path: str) -> tuple[EditorLens, ...]: ...

    def hover(self, path: str, line: int, character: int) -> str | None: ...

    def actions(self, path: str, line: int, rules: Sequence[str]) -> tuple[EditorAction, ...]: ...
