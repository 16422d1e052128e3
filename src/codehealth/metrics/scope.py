"""The accumulators of the metrics walk, and the small tables it shares."""

from __future__ import annotations

import ast
import math
from typing import Any

LEAVES = frozenset(
    {
        ast.Name,
        ast.alias,
        ast.Load,
        ast.Store,
        ast.Del,
    }
)
CHILD_FIELDS: dict[type[ast.AST], tuple[str, ...]] = {}


def child_fields(node_type: type[ast.AST]) -> tuple[str, ...]:
    fields = CHILD_FIELDS.get(node_type)
    if fields is None:
        skip = {"ctx", "type_comment", "op", "ops", "is_async", "kind", "conversion", "kwd_attrs"}
        fields = tuple(f for f in node_type._fields if f not in skip)
        CHILD_FIELDS[node_type] = fields
    return fields


class Scope:
    """Accumulators for one function, class or the module while the walk is inside it."""

    __slots__ = (
        "cognitive",
        "decisions",
        "depth",
        "kind",
        "level",
        "max_depth",
        "method_cc",
        "methods",
        "name",
        "nesting_increments",
        "node",
        "offset",
        "operands",
        "operands_seen",
        "operators",
        "operators_seen",
        "parent",
        "qualname",
        "returns",
        "statements",
    )

    def __init__(self, kind: str, name: str, qualname: str, node: Any, parent: Scope | None):
        self.kind = kind
        self.name = name
        self.qualname = qualname
        self.node = node
        self.parent = parent
        self.decisions = 0  # radon decision points of this scope's own code
        self.cognitive = 0  # sonar value with this scope as the root (level 0)
        self.nesting_increments = 0  # increments that included a nesting bonus
        self.level = 0  # sonar nesting level, relative to this scope
        self.offset = 0  # level of this scope inside its parent's count
        self.depth = 0  # block nesting depth
        self.max_depth = 0
        self.statements = 0
        self.returns = 0
        self.operators = 0
        self.operands = 0
        self.operators_seen: set[str] = set()
        self.operands_seen: set[Any] = set()
        self.method_cc = 0  # for classes: sum of direct methods' complexity (radon)
        self.methods = 0


def halstead_measures(
    distinct_operators: int, distinct_operands: int, operators: int, operands: int
) -> tuple[float, float, float]:
    """radon's volume, difficulty and effort."""
    vocabulary = distinct_operators + distinct_operands
    length = operators + operands
    volume = length * math.log2(vocabulary) if vocabulary else 0.0
    difficulty = (
        (distinct_operators * operands) / (2 * distinct_operands) if distinct_operands else 0.0
    )
    return volume, difficulty, difficulty * volume
