"""Public-API changes between two snapshots: names added to or removed from a package's
exports, and changed signatures of exported functions. Flagged for design review."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator

from codehealth.core import Finding, fingerprint
from codehealth.gate.interface import Interface
from codehealth.gate.report import API_CHANGE
from codehealth.gate.snapshot import Snapshot


def api_changes(base: Snapshot, head: Snapshot) -> Iterator[Finding]:
    for init in sorted(set(base.packages) | set(head.packages)):
        before = base.packages.get(init)
        after = head.packages.get(init)
        if before is None or after is None:
            continue  # a package created or removed: its API is new, nothing to compare
        words = _differences(init, before, after, base, head)
        if not words:
            continue
        package = posixpath.dirname(init) or "."
        yield Finding(
            API_CHANGE,
            init,
            1,
            f"public API of {package} changed ({'; '.join(words)}): needs design review",
            "info",
            fix="ask a maintainer of the module to review the interface change",
            fingerprint=fingerprint(API_CHANGE, init, "", "; ".join(words), 0),
        )


def _differences(
    init: str, before: Interface, after: Interface, base: Snapshot, head: Snapshot
) -> list[str]:
    words: list[str] = []
    added = sorted(after.exports - before.exports)
    removed = sorted(before.exports - after.exports)
    if added:
        words.append("added " + ", ".join(added))
    if removed:
        words.append("removed " + ", ".join(removed))
    if before == after and not _reexports_touched(init, before, base, head):
        return words  # same text of the interface, and no re-exported signature moved
    old_side, new_side = _Lookup(before), _Lookup(after)
    for name in sorted(before.exports & after.exports):
        old = _signature(init, name, old_side, base)
        new = _signature(init, name, new_side, head)
        if old is not None and new is not None and old != new:
            words.append(f"{_shown(name, old)} → {_shown(name, new)}")
    return words


def _shown(name: str, signature: str) -> str:
    """``f(a, b)``; a class's signature (its ``__init__``'s) as ``class C(a, b)``."""
    if signature.startswith("class "):
        return f"class {name}{signature.removeprefix('class ')}"
    return f"{name}{signature}"


class _Lookup:
    """An interface's signatures and origins by name (looked up once per exported name)."""

    def __init__(self, interface: Interface) -> None:
        self.signatures = dict(interface.signatures)
        self.origins = {name: (module, original) for name, module, original in interface.origins}


def _reexports_touched(init: str, interface: Interface, base: Snapshot, head: Snapshot) -> bool:
    """Whether a module the package re-exports from is among the touched files."""
    modules = {module for _, module, _ in interface.origins}
    return any(
        _module_files(init, m, base.files) or _module_files(init, m, head.files) for m in modules
    )


def _signature(init: str, name: str, interface: _Lookup, snapshot: Snapshot) -> str | None:
    own = interface.signatures.get(name)
    if own is not None:
        return own
    origin = interface.origins.get(name)
    if origin is None:
        return None
    module, original = origin
    for candidate in _module_files(init, module, snapshot.files):
        state = snapshot.files[candidate]
        if state.interface is not None:
            return state.interface.signature(original)
    return None


def _module_files(init: str, module: str, files: Iterable[str]) -> list[str]:
    """The files of the snapshot that ``module`` (as written in ``init``'s import) may be."""
    if module.startswith("."):
        return _relative_module_files(init, module, files)
    stem = module.replace(".", "/")
    endings = (f"{stem}.py", f"{stem}/__init__.py")
    return [
        path
        for path in files
        if path in endings or path.endswith(tuple("/" + ending for ending in endings))
    ]


def _relative_module_files(init: str, module: str, files: Iterable[str]) -> list[str]:
    """``.m`` is a sibling of ``init``; each further dot goes one folder up."""
    level = len(module) - len(module.lstrip("."))
    folder = posixpath.dirname(init)
    for _ in range(level - 1):
        folder = posixpath.dirname(folder)
    parts = [p for p in module.lstrip(".").split(".") if p]
    stem = posixpath.join(folder, *parts) if parts else folder
    return [path for path in (f"{stem}.py", f"{stem}/__init__.py") if path in files]
