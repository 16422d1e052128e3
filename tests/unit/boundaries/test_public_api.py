"""The public API read from an ``__init__.py``, and import statements read at a line."""

from __future__ import annotations

import pytest

from codehealth.boundaries.api import parse_public_api, resolve_relative
from codehealth.boundaries.dynamic import dynamic_references
from codehealth.boundaries.statements import (
    ImportTarget,
    enclosing_symbol,
    inline_ignores,
    relative_beyond_top,
    statement_targets,
)

STARS = {"pkg.impl": frozenset({"run"})}


def api(source: str):  # type: ignore[no-untyped-def]
    return parse_public_api(source.encode(), "pkg", STARS.get)


@pytest.mark.parametrize(
    ("source", "names", "declared"),
    [
        ('__all__ = ["a", "b"]\na = b = c = 1', {"a", "b"}, True),
        ('__all__ = ("a",)\n__all__ += ["b"]', {"a", "b"}, True),
        (
            '__all__ = ["a"]\n__all__.extend(["b", "c"])\n__all__.append("d")',
            {"a", "b", "c", "d"},
            True,
        ),
        ('__all__ = ["a"] + ["b"]', {"a", "b"}, True),
        ("from .impl import *", {"run"}, False),
        (
            "import os.path\nfrom x import y as z, _w\ndef f(): pass\nclass C: pass\n_p = 1",
            {"os", "z", "f", "C"},
            False,
        ),
        ("try:\n    from x import fast\nexcept ImportError:\n    fast = None", {"fast"}, False),
        ('__all__ = [n for n in ("a",)]\na = 1\n_b = 2', {"a"}, False),
    ],
)
def test_public_api(source: str, names: set[str], declared: bool) -> None:
    found = api(source)
    assert found.names == names
    assert found.declared_all is declared


def test_a_dynamic_all_says_so() -> None:
    assert "not a literal" in api("__all__ = list(globals())").note


def test_unknown_star_source_leaves_the_api_incomplete() -> None:
    assert api("from elsewhere import *").complete is False


def test_relative_resolution_and_climbing_past_the_top() -> None:
    assert resolve_relative("shop.orders", 1, "views") == "shop.orders.views"
    assert resolve_relative("shop.orders", 2, None) == "shop"
    assert resolve_relative("shop.orders", 3, None) is None
    assert relative_beyond_top(b"x = 1\nfrom ... import y\n", "shop.orders") == 2
    assert relative_beyond_top(b"from .. import y\n", "shop.orders") is None


def test_statement_targets_multi_line_aliases_and_relative() -> None:
    lines = ["from shop.billing import (charge,", "    _fee as fee)", "import a.b as c, d"]
    assert statement_targets(lines, 1, "shop.orders") == [
        ImportTarget("shop.billing", "charge"),
        ImportTarget("shop.billing", "_fee"),
    ]
    assert statement_targets(lines, 3, "x") == [ImportTarget("a.b", None), ImportTarget("d", None)]
    assert statement_targets(["if X: from .api import go"], 1, "shop.orders") == [
        ImportTarget("shop.orders.api", "go")
    ]


def test_dynamic_imports_literal_only() -> None:
    source = b'import importlib\nimportlib.import_module("a.b")\nimport_module(name)\n'
    found, _ = dynamic_references("pkg.m", "pkg/m.py", source, "pkg")
    assert [(r.line, r.target) for r in found] == [(2, "a.b")]
    relative = b'import_module(".x", package="pkg.sub")\n'
    found, _ = dynamic_references("pkg.m", "pkg/m.py", relative, "pkg")
    assert [(r.line, r.target) for r in found] == [(1, "pkg.sub.x")]


def test_inline_ignores_only_in_comments() -> None:
    text = (
        '"# codehealth: ignore[CH301] because no"\n'
        "x = 1  # codehealth: ignore[CH301, CH302] because why\n"
    )
    (found,) = inline_ignores(text)
    assert (found.line, found.rules, found.reason) == (2, ("CH301", "CH302"), "why")


def test_enclosing_symbol() -> None:
    lines = ["class A:", "    def f(self):", "        import x", "import y"]
    assert enclosing_symbol(lines, 3) == "A.f"
    assert enclosing_symbol(lines, 4) == ""


def test_literal_all_reads_only_the_all_statements() -> None:
    from codehealth.boundaries.api import literal_all

    source = b'import x\n__all__ = [\n    "a",\n]\n__all__ += ["b"]\n__all__.extend(("c",))\n'
    assert literal_all(source) == {"a", "b", "c"}
    assert literal_all(b'__all__ = x + ["a"]\n') is None  # not a literal: parse the module
    assert literal_all(b'if y:\n    __all__ = ["a"]\n') is None  # conditional: parse it
    assert literal_all(b"a = 1\n") is None
