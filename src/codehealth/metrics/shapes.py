"""What coverage.py counts in each file (``CodeShape``), cached per content like the metrics:
a ``.coverage`` file joined to an unchanged project parses nothing again."""

from __future__ import annotations

import ast
import hashlib
import json
import sys
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field

from codehealth.adapters.cache import Cache
from codehealth.core import CodeShape
from codehealth.metrics.coverable import DEFAULT_EXCLUDE, DEFAULT_NO_BRANCH, code_shape
from codehealth.version import __version__

# Bump when what a shape holds or how it is computed changes.
SHAPES_VERSION = 2  # 2: coverage.py's exclusions of definitions, annotations and exits
_DEFAULTS = (DEFAULT_EXCLUDE, DEFAULT_NO_BRANCH)


def shape_of(
    source: bytes,
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
    no_branch: tuple[str, ...] = DEFAULT_NO_BRANCH,
) -> CodeShape | None:
    """What coverage.py counts in a file; None when it does not parse."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(source)
        text = source.decode("utf-8", errors="replace")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return code_shape(tree, text, exclude, no_branch)


def default_shape(tree: ast.Module, source: bytes) -> CodeShape:
    """What coverage.py counts in a file already parsed, with its default exclusions (the
    scan's own parse: the join then parses nothing again)."""
    return code_shape(tree, source.decode("utf-8", errors="replace"), *_DEFAULTS)


@dataclass(frozen=True, slots=True)
class ShapeSource:
    """Where shapes come from besides a parse: ``known``, computed by the scan from its own
    parse (coverage.py's default patterns), and the cache in ``cache_dir`` (None: none)."""

    cache_dir: str | None = None
    known: Mapping[str, CodeShape] = field(default_factory=dict)


class Shapes:
    """``shape(path)`` for the files of ``sources``: known, else from the cache, else parsed;
    ``close()`` stores the new ones and returns the cache's notes."""

    def __init__(
        self,
        sources: Mapping[str, bytes],
        source: ShapeSource | None = None,
        patterns: tuple[tuple[str, ...], tuple[str, ...]] = _DEFAULTS,
    ) -> None:
        source = source or ShapeSource()
        cache_dir = source.cache_dir
        self.sources = sources
        self.patterns = patterns
        self._known = source.known if patterns == _DEFAULTS else {}
        self._fresh: list[tuple[str, str]] = []
        self._cache: Cache | None = None
        self._stored: dict[str, str] = {}
        self._keys: dict[str, str] = {}
        if cache_dir is not None:
            self._keys = {
                path: hashlib.blake2b(content, digest_size=16).hexdigest()
                for path, content in sources.items()
            }
            self._cache = Cache(cache_dir, _salt(patterns), filename="shapes.sqlite")
            self._stored = self._cache.get_many(sorted(set(self._keys.values())))

    def __call__(self, path: str) -> CodeShape | None:
        key = self._keys.get(path)
        known = self._known.get(path)
        if known is not None:
            if key is not None and key not in self._stored:
                self._fresh.append((key, encode_shape(known)))
            return known
        text = self._stored.get(key) if key is not None else None
        if text is not None:
            try:
                return decode_shape(text)
            except (ValueError, TypeError):
                pass  # damaged: computed again
        shape = shape_of(self.sources[path], *self.patterns)
        if shape is not None and key is not None:
            self._fresh.append((key, encode_shape(shape)))
        return shape

    def close(self) -> list[str]:
        if self._cache is None:
            return []
        self._cache.put_many(self._fresh)
        self._cache.close()
        return list(self._cache.notes)


def _salt(patterns: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
    grammar = f"py{sys.version_info[0]}.{sys.version_info[1]}"
    digest = hashlib.blake2b(repr(patterns).encode(), digest_size=8).hexdigest()
    return f"{__version__}/shapes{SHAPES_VERSION}/{grammar}/{digest}"


def encode_shape(shape: CodeShape) -> str:
    return json.dumps(
        [
            sorted(shape.statements),
            sorted(shape.first_line.items()),
            sorted(shape.exits.items()),
            sorted(shape.always_taken),
            sorted(shape.own_exits),
        ],
        separators=(",", ":"),
    )


def decode_shape(text: str) -> CodeShape:
    """Raises ValueError or TypeError when ``text`` is not what ``encode_shape`` wrote."""
    statements, first_line, exits, always, own = json.loads(text)
    first = dict(first_line)  # ValueError or TypeError unless pairs
    branches = dict(exits)
    kinds = {*map(type, statements), *map(type, always), *map(type, own), *map(type, first)}
    kinds.update(map(type, branches))
    kinds.update(map(type, first.values()), map(type, branches.values()))
    if not kinds <= {int}:
        raise ValueError("shape cache entry has another layout")
    return CodeShape(frozenset(statements), first, branches, frozenset(always), frozenset(own))
