"""The pure parts of ``codehealth init``'s warnings and of the section it writes: the lower
bound of ``requires-python``, when imports into modules without an API are "most", and the
commented-out suggestion a rerun replaces instead of repeating."""

from __future__ import annotations

import pytest

from codehealth.core import (
    BoundaryReport,
    Finding,
    ImportSite,
    ModuleEdge,
    ModuleSummary,
    NotAnalysed,
    Thresholds,
    Violation,
)
from codehealth.init.checks import (
    ApiAdvice,
    OpenModule,
    api_advice,
    imported_today,
    lower_bound,
    modules_example,
    python_too_new,
)
from codehealth.init.section import Section, with_section


@pytest.mark.parametrize(
    ("specifier", "bound"),
    [
        (">=3.10", (3, 10)),
        (" >= 3.11.4 , <4", (3, 11, 4)),
        ("~=3.12", (3, 12)),
        ("==3.13.*", (3, 13)),
        (">3.9,>=3.10", (3, 10)),
        ("<4", None),
        ("", None),
        ("!=3.10.1", None),
    ],
)
def test_lower_bound(specifier, bound):
    assert lower_bound(specifier) == bound


def test_python_too_new_only_when_the_bound_is_above_the_running_python():
    syntax = NotAnalysed("new.py", "syntax error at line 2: invalid syntax (...)")
    undecodable = NotAnalysed("bytes.py", "the file cannot be decoded: ...")
    assert python_too_new(">=3.10", [syntax], running=(3, 11, 7)) is None
    assert python_too_new(">=3.11.7", [syntax], running=(3, 11, 7)) is None
    assert python_too_new("<4", [syntax], running=(3, 11, 7)) is None
    warning = python_too_new(">=3.12", [syntax, undecodable], running=(3, 11, 7))
    assert warning is not None
    assert "Python 3.11.7: 1 file(s) did not parse and are not analysed: new.py;" in warning
    assert "Python >= 3.12" in warning and "bytes.py" not in warning
    none_failed = python_too_new(">=3.11.8", [], running=(3, 11, 7))
    assert none_failed is not None and "files that use newer syntax will not parse" in none_failed
    many = [NotAnalysed(f"f{i}.py", "syntax error at line 1: x") for i in range(7)]
    assert "f4.py and 2 more;" in (python_too_new(">=3.99", many, running=(3, 11)) or "")


def _module(name, inbound, declared):
    return ModuleSummary(
        name, "", 0, False, 0, 0, 0.0, 0, 0, True, api_declared=declared, inbound_imports=inbound
    )


def _edge(source, target, *imported):
    sites = tuple(ImportSite("x.py", n, f"{source}.m", name) for n, name in enumerate(imported))
    return ModuleEdge(source, target, sites)


def _report(modules, edges, violations=()):
    return BoundaryReport("/r", ("p",), tuple(modules), tuple(edges), tuple(violations), (), ())


def test_api_advice_needs_more_than_half_of_the_imports():
    edges = [_edge("p.b", "p.a", "p.a.x", "p.a.x.deep"), _edge("p.a", "p.b", "p.b", "p.b.y")]
    half = _report([_module("p.a", 2, False), _module("p.b", 2, True)], edges)
    assert api_advice(half) is None
    nothing = _report([_module("p.a", 0, False)], [])
    assert api_advice(nothing) is None

    edges.append(_edge("p.c", "p.a", "p.a", "p.a.z"))
    most = _report(
        [_module("p.a", 4, False), _module("p.b", 2, True), _module("p.c", 0, False)], edges
    )
    advice = api_advice(most)
    assert advice is not None
    assert (advice.reaching, advice.total) == (4, 6)
    # p.c declares no API but nothing imports it: nothing to declare for it yet.
    assert [(m.name, m.inbound) for m in advice.modules] == [("p.a", 4)]


def _closed(rule, target, module="p.a"):
    return Violation(Finding(rule, "x.py", 1, "closed"), "p.main", target, module)


def test_the_submodules_imported_today_are_what_declaring_would_close():
    advice = ApiAdvice(4, 6, (OpenModule("p.a", 4, ()),))
    trial = _report(
        [],
        [],
        violations=[
            _closed("CH301", "p.a.z.helper"),
            _closed("CH301", "p.a.x"),
            _closed("CH307", "p.a.y"),  # importlib.import_module("p.a.y")
            _closed("CH301", "p.a._private.VAT"),  # closed before: stays closed
            _closed("CH302", "p.a.w._secret"),  # a private name: public changes nothing
            _closed("CH301", "p.b._rates", module="p.b"),  # not a module to declare
        ],
    )
    advice = imported_today(advice, trial)
    assert advice.modules == (OpenModule("p.a", 4, ("p.a.x", "p.a.y", "p.a.z")),)
    entry = '"p.a" = { public = ["p.a.x", "p.a.y", "p.a.z"] }'
    assert modules_example(advice, has_table=False)[-2:] == ["[tool.codehealth.modules]", entry]
    with_table = modules_example(advice, has_table=True)
    assert "[tool.codehealth.modules]" not in with_table
    assert with_table[-1] == entry


EXAMPLE = modules_example(ApiAdvice(1, 1, (OpenModule("p.a", 1, ("p.a.x",)),)), False)


@pytest.mark.parametrize(
    "text",
    [
        '[project]\nname = "x"\n',
        '[project]\r\nname = "x"\r\n',
        '[tool.codehealth]\nexclude = ["x"]  # mine\n\n[tool.other]\nx = 1\n',
        '[tool.codehealth]\n[tool.codehealth.gate]\nstrictness = "strict"\n\n[tool.z]\ny = 2\n',
    ],
)
def test_a_rerun_replaces_its_own_comments(text):
    header = "Written by `codehealth init`: default limits"
    with_example = Section(("src",), ("p",), Thresholds(), header, tuple(EXAMPLE))
    without = Section(("src",), ("p",), Thresholds(), header)
    once = with_section(text, with_example)
    assert once.count("# [tool.codehealth.modules]") == 1
    assert with_section(once, with_example) == once
    gone = with_section(once, without)
    assert "[tool.codehealth.modules]" not in gone
    assert with_section(gone, with_example) == once
    if "\r\n" in text:
        assert "\n" not in once.replace("\r\n", "")
    assert "\n\n\n" not in once.replace("\r\n", "\n")
