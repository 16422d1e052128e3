"""What the gate reads from one content (a file at one revision), measured once.

Each content is parsed once: its metrics, its interface and the digest of its boundary
facts come from the same syntax tree. Results are cached per (path, content) in
``.codehealth/gate.sqlite`` with ruff's hits (keyed by ruff's version and configuration
too), so a content seen by an earlier run (the base of the last commit, a file staged
again) is neither parsed nor linted again. A large change is measured in two processes
(the machine's second core parses while the first does); a small one is not worth a worker.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from codehealth.adapters.cache import CODEC_VERSION, Cache, decode, encode
from codehealth.adapters.pool import cores, process_pool, split_share
from codehealth.core import FileMetrics, Finding, Hit, NotAnalysed
from codehealth.gate.interface import Interface, interface_of
from codehealth.metrics import METRICS_VERSION, analyze_module
from codehealth.version import __version__

Key = tuple[int, str]  # (side: 0 base, 1 head; head-side path)

# Below this many bytes of source to parse, one process is quicker than a fork.
_PARALLEL_BYTES = 150_000
_FORMAT = 1


@dataclass(frozen=True)
class MeasuredContent:
    """One content: metrics (or why not analysed), interface, the digest of its boundary
    facts ("" when it does not parse), ruff's hits (None: not linted) and the findings
    (None: not computed yet)."""

    metrics: FileMetrics | NotAnalysed
    interface: Interface | None
    facts: str
    hits: tuple[Hit, ...] | None = None
    findings: tuple[Finding, ...] | None = None  # with fingerprints, lint included


def facts_digest(tree: Any, content: bytes) -> str:
    """A digest of ``codehealth.boundaries.file_facts``: equal digests, equal facts."""
    from codehealth.boundaries import file_facts

    facts = file_facts(tree, content)
    names, declared, complete = facts.exports
    exports = (sorted(names), declared, complete)
    text = repr((facts.imports, facts.dynamic, facts.references, facts.ignores, exports))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def measure(items: Mapping[Key, bytes]) -> dict[Key, MeasuredContent]:
    """Measure every content, in two processes when there is enough to parse."""
    total = sum(len(content) for content in items.values())
    if total < _PARALLEL_BYTES or len(items) < 2 or cores() < 2:
        return {key: _measure_one(key[1], content) for key, content in items.items()}
    mine, theirs = split_share(list(items.items()), 2, _size)
    result: dict[Key, MeasuredContent] = {}
    with process_pool(1) as pool:
        pending = pool.imap_unordered(_measure_item, theirs, max(1, len(theirs) // 16))
        result.update(_measure_item(item) for item in mine)
        with contextlib.suppress(Exception):  # a worker failed: what it left is measured below
            for key, measured in pending:
                result[key] = measured
    for key, content in theirs:
        if key not in result:
            result[key] = _measure_one(key[1], content)
    return result


def _size(item: tuple[Key, bytes]) -> int:
    return len(item[1])


def _measure_item(item: tuple[Key, bytes]) -> tuple[Key, MeasuredContent]:
    key, content = item
    return key, _measure_one(key[1], content)


def _measure_one(path: str, content: bytes) -> MeasuredContent:
    metrics, tree = analyze_module(content, path)
    if tree is None:
        return MeasuredContent(metrics, None, "")
    return MeasuredContent(metrics, interface_of(tree), facts_digest(tree, content))


class ContentCache:
    """(path, content, lint configuration) -> MeasuredContent, in ``.codehealth/gate.sqlite``.

    Entries are JSON checked field by field on the way in (the folder lives in the
    repository under review, so anyone may have written it); anything odd is a miss."""

    def __init__(self, folder: str, lint_salt: str, findings_salt: str = "") -> None:
        """``lint_salt``: ruff's command, version and configuration ("" without lint);
        ``findings_salt``: what else the findings depend on (thresholds, catalogue)."""
        key = f"{__version__}/{_FORMAT}/{CODEC_VERSION}/m{METRICS_VERSION}"
        self.cache = Cache(folder, key, "gate.sqlite")
        self.salt = f"{lint_salt}\0{findings_salt}"

    def key(self, path: str, content: bytes) -> str:
        digest = hashlib.blake2b(digest_size=20)
        for part in (path.encode("utf-8", "surrogateescape"), self.salt.encode(), content):
            digest.update(part)
            digest.update(b"\0")
        return digest.hexdigest()

    def get(self, items: Mapping[Key, bytes]) -> dict[Key, MeasuredContent]:
        keys = {item: self.key(item[1], content) for item, content in items.items()}
        stored = self.cache.get_many(sorted(set(keys.values())))
        found: dict[Key, MeasuredContent] = {}
        for item, key in keys.items():
            text = stored.get(key)
            if text is None:
                continue
            try:
                found[item] = _decode(item[1], text)
            except (ValueError, TypeError, KeyError, IndexError):
                continue  # a damaged or foreign entry: measured again
        return found

    def put(self, entries: Iterable[tuple[Key, bytes, MeasuredContent]]) -> None:
        self.cache.put_many(
            (self.key(item[1], content), _encode(measured)) for item, content, measured in entries
        )

    def close(self) -> list[str]:
        self.cache.close()
        return self.cache.notes


def _encode(measured: MeasuredContent) -> str:
    metrics = measured.metrics
    interface = measured.interface
    return json.dumps(
        {
            "m": encode(metrics) if isinstance(metrics, FileMetrics) else None,
            "e": metrics.reason if isinstance(metrics, NotAnalysed) else None,
            "i": None
            if interface is None
            else [sorted(interface.exports), interface.signatures, interface.origins],
            "x": measured.facts,
            "h": None if measured.hits is None else [list(hit) for hit in measured.hits],
            "n": None
            if measured.findings is None
            else [[getattr(f, name) for name in _FINDING_FIELDS] for f in measured.findings],
        },
        separators=(",", ":"),
    )


def _decode(path: str, text: str) -> MeasuredContent:
    data = json.loads(text)
    metrics: FileMetrics | NotAnalysed
    if data["m"] is not None:
        metrics = decode(path, _text(data["m"]))
    else:
        metrics = NotAnalysed(path, _text(data["e"]))
    interface = None
    if data["i"] is not None:
        exports, signatures, origins = data["i"]
        interface = Interface(
            frozenset(map(_text, exports)),
            tuple((_text(a), _text(b)) for a, b in signatures),
            tuple((_text(a), _text(b), _text(c)) for a, b, c in origins),
        )
    hits = None
    if data["h"] is not None:
        hits = tuple(_hit(row) for row in data["h"])
    findings = None
    if data["n"] is not None:
        findings = tuple(_finding(row) for row in data["n"])
    return MeasuredContent(metrics, interface, _text(data["x"]), hits, findings)


def _text(value: Any) -> str:
    if type(value) is not str:
        raise TypeError("cache entry has unexpected types")
    return value


def _hit(row: Any) -> Hit:
    if type(row) is not list or tuple(map(type, row)) != (str, int, int, int, str):
        raise TypeError("cache entry has unexpected types")
    return Hit._make(row)


_FINDING_FIELDS = tuple(field.name for field in fields(Finding))
_FINDING_TYPES = (str, str, int, str, str, float, str, int, int, str, str)


def _finding(row: Any) -> Finding:
    if type(row) is not list or len(row) != len(_FINDING_FIELDS):
        raise TypeError("cache entry has unexpected types")
    if type(row[5]) is int:  # JSON writes 15.0 as 15.0, but be lenient with whole numbers
        row[5] = float(row[5])
    if tuple(map(type, row)) != _FINDING_TYPES:
        raise TypeError("cache entry has unexpected types")
    return Finding(*row)
