"""The module map: which package owns a dotted name, and which code counts as tests."""

from __future__ import annotations

import fnmatch
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


def is_within(name: str, package: str) -> bool:
    """``name`` is ``package`` or below it."""
    return name == package or name.startswith(package + ".")


def default_modules(packages: Iterable[str], roots: Iterable[str]) -> list[str]:
    """Every direct subpackage of each root package (``packages``: every package name)."""
    root_set = set(roots)
    return sorted(name for name in packages if "." in name and name.rsplit(".", 1)[0] in root_set)


@dataclass(frozen=True)
class ModuleMap:
    """The modules (dotted package names) and, for each, its extra public submodules and its
    declared dependencies (None: unrestricted)."""

    modules: tuple[str, ...]
    public: dict[str, frozenset[str]] = field(default_factory=dict)
    depends_on: dict[str, tuple[str, ...] | None] = field(default_factory=dict)

    def owner(self, name: str) -> str | None:
        """The deepest module containing ``name``."""
        best: str | None = None
        for module in self._by_depth:
            if is_within(name, module):
                best = module
                break
        return best

    @property
    def _by_depth(self) -> tuple[str, ...]:
        return tuple(sorted(self.modules, key=lambda m: (-m.count("."), m)))


def make_module_map(
    modules: Iterable[str],
    public: dict[str, frozenset[str]] | None = None,
    depends_on: dict[str, tuple[str, ...] | None] | None = None,
) -> ModuleMap:
    return ModuleMap(tuple(sorted(set(modules))), dict(public or {}), dict(depends_on or {}))


class Owners:
    """A memoised ``owner`` lookup (called for every import edge)."""

    def __init__(self, module_map: ModuleMap) -> None:
        self._ordered = tuple(sorted(module_map.modules, key=lambda m: (-m.count("."), m)))
        self._memo: dict[str, str | None] = {}

    def __call__(self, name: str) -> str | None:
        if name in self._memo:
            return self._memo[name]
        found = next((m for m in self._ordered if is_within(name, m)), None)
        self._memo[name] = found
        return found


def is_test_module(name: str, patterns: Iterable[str]) -> bool:
    """A dotted module name with a component that matches a test pattern."""
    matcher = _test_matcher(tuple(patterns))
    return any(matcher(part) for part in name.split("."))


@functools.lru_cache(maxsize=8)
def _test_matcher(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    if not patterns:
        return lambda part: False
    regex = re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns))
    return functools.lru_cache(maxsize=None)(lambda part: regex.match(part) is not None)
