"""grimp before 3.19 (what pip installs on Python 3.10, which codehealth supports) nominates
cycle breakers for one package; `codehealth boundaries` crashed there (TypeError, exit 3)."""

from __future__ import annotations

from typing import Any

from codehealth.adapters.imports.graph import cycle_breakers


class _OldGraph:
    """The grimp 3.18 surface cycle_breakers uses."""

    modules = frozenset({"shop", "shop.orders", "shop.billing", "other", "other.x"})

    def __init__(self) -> None:
        self.asked: list[str] = []

    def nominate_cycle_breakers(self, package: str) -> set[tuple[str, str]]:
        self.asked.append(package)
        return {("shop.orders.views", "shop.billing.api")}


class _NewGraph(_OldGraph):
    def nominate_cycle_breakers(  # type: ignore[override]
        self, package: str, *additional_packages: str
    ) -> set[tuple[str, str]]:
        self.asked.extend([package, *additional_packages])
        return {("shop.billing.x", "shop.orders.y")}


def test_old_grimp_is_asked_for_the_modules_parent() -> None:
    graph: Any = _OldGraph()
    assert cycle_breakers(graph, ["shop.orders", "shop.billing"]) == {
        ("shop.orders.views", "shop.billing.api")
    }
    assert graph.asked == ["shop"]
    # Modules of two different packages: nothing to ask one package about.
    assert cycle_breakers(graph, ["shop.orders", "other.x"]) == set()


def test_new_grimp_gets_every_module() -> None:
    graph: Any = _NewGraph()
    assert cycle_breakers(graph, ["shop.orders", "shop.billing"]) == {
        ("shop.billing.x", "shop.orders.y")
    }
    assert graph.asked == ["shop.orders", "shop.billing"]
