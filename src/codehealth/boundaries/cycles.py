"""Cycles between modules and the coupling figures of each module."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator

from codehealth.core import Cycle, ModuleEdge, ModuleSummary


def strongly_connected(nodes: Iterable[str], successors: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative; components of more than one node, each sorted."""
    search = _Tarjan(successors)
    for start in sorted(nodes):
        if start not in search.index:
            search.run(start)
    return sorted(search.components)


class _Tarjan:
    """The state of Tarjan's depth-first search: each node's index and low link, the
    stack of nodes whose component is open, and the components found (of 2+ nodes)."""

    def __init__(self, successors: dict[str, set[str]]) -> None:
        self.successors = successors
        self.index: dict[str, int] = {}
        self.low: dict[str, int] = {}
        self.stack: list[str] = []
        self.on_stack: set[str] = set()
        self.components: list[list[str]] = []
        # The path being searched: each node and the children still to visit.
        self.work: list[tuple[str, Iterator[str]]] = []

    def run(self, start: str) -> None:
        """Searches from ``start`` (not visited yet) until its whole tree is done."""
        self._enter(start)
        while self.work:
            node, children = self.work[-1]
            child = next(children, None)
            if child is None:
                self._leave(node)
            elif child not in self.index:
                self._enter(child)
            elif child in self.on_stack:
                self.low[node] = min(self.low[node], self.index[child])

    def _enter(self, node: str) -> None:
        self.index[node] = self.low[node] = len(self.index)
        self.stack.append(node)
        self.on_stack.add(node)
        self.work.append((node, iter(sorted(self.successors.get(node, ())))))

    def _leave(self, node: str) -> None:
        self.work.pop()
        if self.work:
            parent = self.work[-1][0]
            self.low[parent] = min(self.low[parent], self.low[node])
        if self.low[node] == self.index[node]:
            component = self._pop_component(node)
            if len(component) > 1:
                self.components.append(sorted(component))

    def _pop_component(self, root: str) -> list[str]:
        """The nodes of the stack down to ``root``, taken off it."""
        component = []
        while True:
            member = self.stack.pop()
            self.on_stack.discard(member)
            component.append(member)
            if member == root:
                return component


def shortest_cycle(start: str, successors: dict[str, set[str]], within: set[str]) -> list[str]:
    """The shortest path start -> ... -> start inside ``within`` (breadth first)."""
    parent: dict[str, str] = {}
    queue = deque([start])
    seen = {start}
    while queue:
        node = queue.popleft()
        for child in sorted(successors.get(node, ())):
            if child not in within:
                continue
            if child == start:
                return _path_back(parent, node, start)
            if child not in seen:
                seen.add(child)
                parent[child] = node
                queue.append(child)
    return []


def _path_back(parent: dict[str, str], last: str, start: str) -> list[str]:
    """The cycle start -> ... -> last -> start, read back through ``parent``."""
    path = [last]
    while path[-1] != start:
        path.append(parent[path[-1]])
    return [*reversed(path), start]


def find_cycles(
    edges: Iterable[ModuleEdge],
    breakers: dict[tuple[str, str], list[tuple[str, str]]] | None = None,
) -> list[Cycle]:
    """One cycle through each module caught in a cycle (shortest first, no repeats).
    ``breakers`` maps a module pair (source, target) to the imports (importer, imported)
    nominated to break the cycles that run through it."""
    by_pair = {(edge.source, edge.target): edge for edge in edges}
    successors: dict[str, set[str]] = {}
    for source, target in by_pair:
        successors.setdefault(source, set()).add(target)
    breaker_map = breakers or {}
    cycles: list[Cycle] = []
    seen_paths: set[tuple[str, ...]] = set()
    for component in strongly_connected(successors, successors):
        for path in _component_cycles(component, successors):
            rotation = _canonical(path)
            if rotation in seen_paths:
                continue
            seen_paths.add(rotation)
            pairs = list(itertools.pairwise(path))
            cycles.append(
                Cycle(
                    tuple(path),
                    tuple(by_pair[pair] for pair in pairs),
                    tuple(item for pair in pairs for item in sorted(breaker_map.get(pair, ()))),
                )
            )
    return cycles


def _component_cycles(component: list[str], successors: dict[str, set[str]]) -> Iterator[list[str]]:
    """The shortest cycle through each module of ``component`` no earlier cycle went
    through."""
    within = set(component)
    covered: set[str] = set()
    for module in component:
        if module in covered:
            continue
        path = shortest_cycle(module, successors, within)
        if path:
            covered.update(path)
            yield path


def _canonical(path: list[str]) -> tuple[str, ...]:
    ring = path[:-1]
    first = ring.index(min(ring))
    return tuple(ring[first:] + ring[:first])


def _coupling(
    modules: dict[str, tuple[str, int, bool, str, bool]], edges: Iterable[ModuleEdge]
) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, int]]:
    """The modules depending on each module, those it depends on (imports and references
    alike), and how many import statements reach it (references are no imports)."""
    afferent: dict[str, set[str]] = {name: set() for name in modules}
    efferent: dict[str, set[str]] = {name: set() for name in modules}
    inbound: dict[str, int] = {}
    for edge in edges:
        efferent.setdefault(edge.source, set()).add(edge.target)
        afferent.setdefault(edge.target, set()).add(edge.source)
        imports = sum(1 for site in edge.imports if site.kind == "import")
        inbound[edge.target] = inbound.get(edge.target, 0) + imports
    return afferent, efferent, inbound


def summarise_modules(
    modules: dict[str, tuple[str, int, bool, str, bool]],
    edges: Iterable[ModuleEdge],
    cycles: Iterable[Cycle],
    inbound_private: dict[str, int],
    depends_on: dict[str, tuple[str, ...] | None],
) -> list[ModuleSummary]:
    """``modules`` maps name -> (path, public names, __all__ declared, note, API declared)."""
    afferent, efferent, inbound = _coupling(modules, edges)
    in_cycles: dict[str, int] = {}
    for cycle in cycles:
        for module in set(cycle.path):
            in_cycles[module] = in_cycles.get(module, 0) + 1
    summaries = []
    for name, (path, public, declared, note, api_declared) in sorted(modules.items()):
        ca, ce = len(afferent[name]), len(efferent[name])
        private = inbound_private.get(name, 0)
        cycle_count = in_cycles.get(name, 0)
        summaries.append(
            ModuleSummary(
                name=name,
                path=path,
                public_names=public,
                declared_all=declared,
                afferent=ca,
                efferent=ce,
                instability=round(ce / (ca + ce), 3) if ca + ce else 0.0,
                inbound_private=private,
                cycles=cycle_count,
                extraction_ready=private == 0 and cycle_count == 0,
                depends_on=depends_on.get(name),
                note=note,
                api_declared=api_declared,
                inbound_imports=inbound.get(name, 0),
            )
        )
    return summaries
