"""Issue 16: PEP 420 namespace packages as modules, and their public-API rule (pure parts)."""

from __future__ import annotations

from codehealth.boundaries.project import namespace_packages, prefix_roots


def test_namespace_packages_are_the_names_no_file_stands_for() -> None:
    modules = {"acme.core", "acme.billing.invoices", "acme.billing._impl.engine", "other.x"}
    assert namespace_packages(modules, ("acme",)) == {"acme", "acme.billing", "acme.billing._impl"}


def test_a_namespace_that_only_prefixes_one_package_hangs_the_modules_below_it() -> None:
    every = {"company", "company.foo", "company.foo.a", "company.foo.b", "company.foo.a.x"}
    assert prefix_roots(("company",), {"company"}, every) == {"company.foo"}
    # two children, or a regular root: the root itself
    every2 = every | {"company.bar", "company.bar.y"}
    assert prefix_roots(("company",), {"company"}, every2) == {"company"}
    assert prefix_roots(("shop",), set(), {"shop", "shop.orders"}) == {"shop"}
    # a single plain module below the namespace is no prefix
    assert prefix_roots(("ns",), {"ns"}, {"ns", "ns.mod"}) == {"ns"}
