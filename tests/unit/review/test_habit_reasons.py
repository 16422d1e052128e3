"""A past change's review reasons from what it touched (review.habit), on constructed values."""

from __future__ import annotations

from codehealth.core import (
    API,
    DEPENDENCY,
    HOTSPOT,
    MODULE,
    SIZE,
    Change,
    Commit,
    FileDiff,
    GateSettings,
)
from codehealth.review.guidance import hotspot_reasons
from codehealth.review.habit import (
    Dependencies,
    Modules,
    api_reason,
    dotted_packages,
    hotspots_before,
    module_reasons,
    read_source,
    same_imports,
    size_reason,
)

DAY = 86400


def test_packages_are_named_from_the_top_of_their_chain() -> None:
    paths = [
        "src/shop/__init__.py",
        "src/shop/billing/__init__.py",
        "src/shop/billing/fees.py",
        "tools/run.py",
        "setup.py",
    ]
    assert dotted_packages(paths) == {"src/shop": "shop", "src/shop/billing": "shop.billing"}


def test_modules_cut_packages_and_imported_names_to_the_depth() -> None:
    packages = {"src/shop": "shop", "src/shop/billing": "shop.billing", "src/shop/a/b": "x"}
    modules = Modules(packages, 1)
    assert modules.of_file("src/shop/billing/fees.py") == "shop"
    assert modules.of_name("shop.billing.fees") == "shop"
    assert modules.of_name("requests.models") == ""  # outside the project
    deeper = Modules(packages, 2)
    assert deeper.of_file("src/shop/billing/fees.py") == "shop.billing"
    assert deeper.of_name("shop.billing.fees.charge") == "shop.billing"
    assert deeper.of_name("shop.orders") == "shop"  # not a package: its module is shop
    assert deeper.dotted("src/shop/billing/fees.py") == "shop.billing.fees"
    assert deeper.dotted("src/shop/billing/__init__.py") == "shop.billing"
    assert deeper.dotted("tools/run.py") == ""


def test_a_source_gives_its_imports_resolved_and_an_init_its_exports() -> None:
    code = (
        b"import os, shop.orders as o\n"
        b"from . import fees\n"
        b"from ..orders import Order\n"  # shop.orders, from the package shop.billing
        b"def f():\n    if True:\n        from shop.tax import rate\n"
        b"__all__ = ['charge', 'Fee']\n"
    )
    source = read_source(code, "shop.billing", "src/shop/billing/__init__.py")
    assert source.imports == {"os", "shop.orders", "shop.billing", "shop.tax"}
    assert source.exports == {"charge", "Fee"}
    module = read_source(b"from . import fees\n", "shop.billing.x", "src/shop/billing/x.py")
    assert module.imports == {"shop.billing"} and module.exports is None
    broken = read_source(b"def (:\n", "shop", "src/shop/__init__.py")
    assert broken.exports is None and broken.imports == frozenset()


def test_import_lines_compare_the_import_statements_only() -> None:
    assert same_imports(b"import a\nx = 1\n", b"import a\nx = 2\ny = 3\n")
    assert not same_imports(b"import a\n", b"import a\nfrom b import c\n")


def test_an_api_reason_names_the_names_gained_and_lost() -> None:
    before = read_source(b"__all__ = ['a', 'b']\n", "shop", "shop/__init__.py")
    after = read_source(b"__all__ = ['b', 'c']\n", "shop", "shop/__init__.py")
    reason = api_reason("shop", before, after)
    assert reason is not None and reason.kind == API
    assert reason.text == "public API of shop changed (added c; removed a)"
    assert api_reason("shop", before, before) is None
    bare = read_source(
        b"from typing import Any\nfrom .fees import fee\n", "shop", "shop/__init__.py"
    )
    assert bare.exports == {"fee"}  # without __all__, a name borrowed from typing is no API
    unparsed = read_source(b"def (:\n", "shop", "shop/__init__.py")
    assert api_reason("shop", unparsed, after) is None


def test_size_counts_as_the_gate_does_above_either_limit() -> None:
    gate = GateSettings(max_changed_lines=400, max_changed_files=25)
    assert size_reason(25, 400, gate) is None
    many = size_reason(26, 10, gate)
    assert many is not None and many.kind == SIZE and "26 files" in many.text
    long = size_reason(1, 401, gate)
    assert long is not None and "401 changed lines" in long.text


def test_only_an_added_init_is_a_new_module() -> None:
    files = [
        FileDiff("src/shop/tax/__init__.py", "A"),
        FileDiff("src/shop/fees/__init__.py", "R", "src/shop/fee/__init__.py"),
        FileDiff("src/shop/tax/rates.py", "A"),
    ]
    reasons = module_reasons(files, {"src/shop/tax": "shop.tax"})
    assert [(r.kind, r.text) for r in reasons] == [(MODULE, "new package shop.tax")]


def test_a_dependency_is_new_when_no_file_of_the_module_made_it_before() -> None:
    modules = Modules({"a": "a", "b": "b", "c": "c"}, 1)
    deps = Dependencies(modules)
    imports_b = read_source(b"import b\n", "a.x", "a/x.py")
    assert deps.update("a/x.py", imports_b) == [("a", "b")]  # the first: new
    more = read_source(b"import b\nimport os\n", "a.x", "a/x.py")
    assert deps.update("a/x.py", more) == []  # the file already had it
    assert deps.update("a/y.py", imports_b) == []  # a already imports b
    assert deps.update("a/x.py", None) == []  # one file still imports b
    assert deps.update("a/y.py", None) == []
    assert deps.update("a/z.py", imports_b) == [("a", "b")]  # gone, then new again
    own = read_source(b"from a import x\n", "a.w", "a/w.py")
    assert deps.update("a/w.py", own) == []  # inside its own module


def test_hotspots_are_the_files_changed_most_in_the_window_before_the_moment() -> None:
    now = 1_000 * DAY

    def commit(days_ago: float, *paths: str) -> Commit:
        return Commit("x", "a", "a@x", int(now - days_ago * DAY), tuple(map(Change, paths)))

    commits = [
        commit(1, "a.py", "b.py", "tests/test_a.py"),
        commit(2, "a.py", "b.py", "tests/test_a.py"),
        commit(3, "a.py", "b.py", "c.py", "tests/test_a.py"),
        commit(4, "a.py", "c.py"),
        commit(50, "c.py"),
        commit(60, "c.py"),
        commit(70, "c.py"),
        commit(-1, "d.py", "d.py"),  # after the moment: not seen yet
    ]
    production = lambda path: not path.startswith("tests/")  # noqa: E731
    assert hotspots_before(commits, now, 10 * DAY, 2, production) == {"a.py": 1, "b.py": 2}
    assert hotspots_before(commits, now, 10 * DAY, 5) == {
        "a.py": 1,
        "b.py": 2,
        "tests/test_a.py": 3,
    }
    assert hotspots_before(commits, now, None, 1) == {"c.py": 1}  # all history before
    assert hotspots_before(commits, now, 2.5 * DAY, 5) == {}  # twice is no hotspot
    lines = {"b.py": 25, "x.py": 90, "a.py": 20, "c.py": 3}
    reasons = hotspot_reasons(lines, {"a.py": 1, "b.py": 2, "c.py": 3}, 20)
    assert [(r.kind, r.text) for r in reasons] == [
        (HOTSPOT, "changes 20 lines of hotspot #1 a.py"),
        (HOTSPOT, "changes 25 lines of hotspot #2 b.py"),
    ]  # c.py: a 3-line touch of a hotspot is no reason
    assert DEPENDENCY  # the kind the walk gives for new pairs (test_reviews_cli checks it)
