"""The linters of the debt use case: run as subprocesses in the background while the scan
measures the files, only on the files whose content (at that path) is not cached; their
hits are cached per content, tool version and tool configuration."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field

from codehealth.adapters.cache import Cache
from codehealth.adapters.files import read_file
from codehealth.adapters.linters import (
    LintResult,
    LintTool,
    LintUnavailable,
    Pending,
    prepare_flake8,
    prepare_ruff,
)
from codehealth.core import ConfigError, Hit, Settings
from codehealth.version import __version__


@dataclass
class BackgroundLinters:
    """The project's linters: started once the files are read (``start``, the scan's
    ``on_read``), their hits collected once it has measured them (``hits``). A linter
    that cannot run is noted in ``incomplete``."""

    root: str
    settings: Settings
    cache_dir: str | None
    incomplete: list[str]
    linters: list[_Linter] = field(default_factory=list)

    def start(self, sources: dict[str, bytes]) -> None:
        """Called once the files are read: the linters run while the scan measures them."""
        folders = {path.rpartition("/")[0] for path in sources}
        for tool in _tools(self.root, self.settings, folders, self.incomplete):
            self.linters.append(_start(tool, self.root, sources, self.cache_dir))

    def hits(self, cache_notes: list[str]) -> dict[str, dict[str, list[Hit]]]:
        """tool -> path -> hits of every linter that ran; a configuration a linter rejects
        is a ConfigError."""
        lint_hits: dict[str, dict[str, list[Hit]]] = {}
        for linter in self.linters:
            result = linter.finish(cache_notes, self.incomplete)
            if result.config_error:
                raise ConfigError(
                    f"{result.tool} rejected the project's configuration:\n{result.config_error}"
                )
            if result.problem:
                self.incomplete.append(result.problem)
            else:
                lint_hits[result.tool] = result.hits
        return lint_hits


def _tools(
    root: str, settings: Settings, folders: set[str], incomplete: list[str]
) -> list[LintTool]:
    tools: list[LintTool] = []
    if settings.debt.ruff != "off":
        try:
            cache = os.path.join(root, settings.cache_dir)
            tools.append(prepare_ruff(root, settings.debt.ruff, folders, cache))
        except LintUnavailable as error:
            incomplete.append(str(error))
    try:
        flake8 = prepare_flake8(root, settings.debt.flake8)
    except LintUnavailable as error:
        incomplete.append(str(error))
    else:
        if flake8 is not None:
            tools.append(flake8)
    return tools


def content_key(*parts: bytes) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part)
        hasher.update(b"\0")
    return hasher.hexdigest()


@dataclass
class _Linter:
    """One linter's run: cached hits, and the subprocess linting the rest."""

    tool: LintTool
    cached: dict[str, list[Hit]]
    pending: Pending | None
    cache: Cache | None
    keys: dict[str, str]
    root: str = "."
    sources: dict[str, bytes] | None = None  # the contents the scan measured

    def finish(self, notes: list[str], incomplete: list[str]) -> LintResult:
        if self.pending is None:
            result = LintResult(self.tool.name, {})
        else:
            result = self.pending.wait()
            failed = bool(result.problem or result.config_error)
            result = result if failed else self._same_contents(result, incomplete)
        self._store(result, notes)
        if result.problem or result.config_error:
            return result
        return LintResult(self.tool.name, {**self.cached, **result.hits})

    def _store(self, result: LintResult, notes: list[str]) -> None:
        """Cache the fresh hits (none when the tool failed) under each file's content key."""
        if self.cache is None:
            return
        if not (result.problem or result.config_error):
            self.cache.put_many(
                (self.keys[path], json.dumps(hits, separators=(",", ":")))
                for path, hits in result.hits.items()
                if path in self.keys
            )
        self.cache.close()
        notes.extend(self.cache.notes)

    def _same_contents(self, result: LintResult, incomplete: list[str]) -> LintResult:
        """The linter read the files itself, after the scan did: a file edited (or removed)
        in between got hits for other lines. Those are left out, and not cached under the
        content the scan read; the report says to run again."""
        sources = self.sources or {}
        changed = set()
        for path in result.hits:
            try:
                now: bytes | None = read_file(os.path.join(self.root, path))
            except OSError:
                now = None
            if path in sources and now != sources[path]:
                changed.add(path)
        incomplete.extend(
            f"{path} changed while it was analysed: its {self.tool.name} findings are left "
            "out; run again"
            for path in sorted(changed)
        )
        kept = {path: hits for path, hits in result.hits.items() if path not in changed}
        return LintResult(result.tool, kept, result.problem, result.config_error)


def _start(tool: LintTool, root: str, sources: dict[str, bytes], cache_dir: str | None) -> _Linter:
    keys = {
        path: content_key(path.encode("utf-8", "surrogateescape"), content)
        for path, content in sources.items()
    }
    cache = None
    cached: dict[str, list[Hit]] = {}
    if cache_dir is not None:
        cache = Cache(cache_dir, f"{__version__}/{tool.salt}", filename=f"lint-{tool.name}.sqlite")
        stored = cache.get_many(sorted(set(keys.values())))
        for path, key in keys.items():
            text = stored.get(key)
            if text is not None:
                try:
                    cached[path] = [Hit._make(row) for row in json.loads(text)]
                except (ValueError, TypeError):
                    continue  # a damaged entry: lint the file again
    todo = sorted(path for path in sources if path not in cached)
    pending = Pending(tool, root, todo) if todo else None
    return _Linter(tool, cached, pending, cache, keys, root, sources)
