"""0/1 knapsack: the targets that give the most payoff within the budget, exactly.

Efforts are rounded UP to a grain (1 minute, coarser for very large problems so the table
stays under ~2 million cells), so a chosen set always fits the real budget. The dynamic
programme is exact for the rounded efforts. Before it, items that cannot matter are dropped:
of the items of one rounded weight w at most capacity // w fit, and an optimal choice can
always take the best-paying of them (swap any other for a better one of the same weight).
On a large project most candidates are small functions of a few weights, so this removes
most of the table (Django: 5,902 candidates -> 1,073, 0.26 s -> 0.05 s).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

_MAX_CELLS = 2_000_000


def choose(efforts: Sequence[float], payoffs: Sequence[float], budget: float) -> list[int]:
    """Indices of the chosen items (in input order)."""
    items = [i for i, effort in enumerate(efforts) if effort <= budget and payoffs[i] > 0]
    if not items or budget <= 0:
        return []
    grain = _grain(len(items), budget)
    capacity = int(budget // grain)
    weight_of = {i: max(1, math.ceil(efforts[i] / grain - 1e-9)) for i in items}
    items = _useful(items, weight_of, payoffs, capacity)
    weights = [weight_of[i] for i in items]
    keep = _fill(weights, [payoffs[index] for index in items], capacity)
    return _traced(keep, items, weights, capacity)


def _grain(count: int, budget: float) -> float:
    """Minutes per capacity cell: doubled until the table fits ``_MAX_CELLS``."""
    grain = 1.0
    while count * (budget / grain) > _MAX_CELLS:
        grain *= 2
    return grain


def _fill(weights: list[int], values: list[float], capacity: int) -> list[bytearray]:
    """The 0/1 knapsack table: per item, for each room, whether the best choice takes it."""
    best = [0.0] * (capacity + 1)
    keep: list[bytearray] = []
    for weight, value in zip(weights, values, strict=True):
        taken = bytearray(capacity + 1)
        for room in range(capacity, weight - 1, -1):
            candidate = best[room - weight] + value
            if candidate > best[room] + 1e-12:
                best[room] = candidate
                taken[room] = 1
        keep.append(taken)
    return keep


def _traced(
    keep: list[bytearray], items: list[int], weights: list[int], capacity: int
) -> list[int]:
    """The items the best choice takes, read back from the table (in input order)."""
    chosen: list[int] = []
    room = capacity
    for position in range(len(items) - 1, -1, -1):
        if keep[position][room]:
            chosen.append(items[position])
            room -= weights[position]
    return sorted(chosen)


def _useful(
    items: list[int], weight_of: dict[int, int], payoffs: Sequence[float], capacity: int
) -> list[int]:
    """``items`` without those no optimal choice needs (in input order)."""
    by_weight: dict[int, list[int]] = defaultdict(list)
    for i in items:
        by_weight[weight_of[i]].append(i)
    kept: list[int] = []
    for weight, group in by_weight.items():
        fits = capacity // weight
        if fits:
            group.sort(key=lambda i: -payoffs[i])  # stable: ties keep input order
            kept.extend(group[:fits])
    return sorted(kept)
