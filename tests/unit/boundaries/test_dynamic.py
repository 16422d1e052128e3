"""``import_module``/``__import__`` with literal or constant-folded names as references of
kind "dynamic import"; names computed at run time noted as not understood (issue 16)."""

from __future__ import annotations

import textwrap

import pytest

from codehealth.boundaries.dynamic import dynamic_references
from codehealth.core import DYNAMIC_IMPORT, Reference


def references(source: str, module: str = "pkg.sub.m") -> tuple[list[Reference], list[str]]:
    package = module.rpartition(".")[0]
    content = textwrap.dedent(source).encode()
    return dynamic_references(module, "pkg/sub/m.py", content, package)


def targets(source: str, module: str = "pkg.sub.m") -> list[str]:
    return [reference.target for reference in references(source, module)[0]]


FOLDED = [
    ('import importlib\nimportlib.import_module("a.b")', "a.b"),
    ('__import__("a.b")', "a.b"),
    ('from importlib import import_module\nimport_module("a" + ".b")', "a.b"),
    ('NAME = "a.b"\nimport_module(NAME)', "a.b"),
    ('BASE = "a"\nNAME = BASE + ".b"\nimport_module(NAME)', "a.b"),
    ('BASE = "a"\nimport_module(f"{BASE}.b")', "a.b"),
    ('BASE = "a"\nimport_module("%s.%s" % (BASE, "b"))', "a.b"),
    ('import_module("%s.b" % "a")', "a.b"),
    ('BASE: str = "a"\nimport_module(f"{BASE!s}.b")', "a.b"),
    ('import_module(".c", package=__name__)', "pkg.sub.m.c"),
    ('import_module(".c", __package__)', "pkg.sub.c"),
    ('import_module("..c", package="pkg.sub")', "pkg.c"),
    ('PKG = "pkg.sub"\nimport_module(".c", PKG)', "pkg.sub.c"),
]


@pytest.mark.parametrize(("source", "target"), FOLDED)
def test_constant_names_are_folded(source: str, target: str) -> None:
    found, notes = references(source)
    assert [r.target for r in found] == [target]
    assert notes == []
    reference = found[0]
    assert reference.kind == DYNAMIC_IMPORT == "dynamic import"
    assert (reference.path, reference.importer) == ("pkg/sub/m.py", "pkg.sub.m")
    assert reference.line == len(textwrap.dedent(source).splitlines())


NOT_CONSTANT = [
    "def load(name):\n    import_module(name)",  # a parameter
    'NAME = "a"\nNAME = "b"\nimport_module(NAME)',  # bound twice
    'NAME = "a"\ndef f():\n    global NAME\n    NAME = "b"\nimport_module(NAME)',
    'import_module(f"a.{kind}")',  # an f-string with a variable
    'BASE = "a"\nimport_module(f"{BASE:>4}")',  # a format specification
    'import_module("a." + get())',
    'import_module(".c")',  # relative without a package
    'import_module(".c", package=pkg)',
    'import_module(prefix + ".c")',
    'import_module("%s.%s" % (app.name, "models"))',  # oscar: an attribute at run time
    'import_module("%d.b" % 1)',
]


@pytest.mark.parametrize("source", NOT_CONSTANT)
def test_names_not_constant_are_noted(source: str) -> None:
    found, notes = references(source)
    assert found == []
    line = len(textwrap.dedent(source).splitlines())
    assert len(notes) == 1
    assert notes[0].startswith(f"pkg/sub/m.py:{line}: import_module(")
    assert "not understood" in notes[0]


def test_the_text_is_what_the_source_wrote() -> None:
    found, _ = references('NAME = "a.b"\nimport_module(NAME)\n__import__("x" + ".y")')
    assert [(r.text, r.target) for r in found] == [("NAME", "a.b"), ('"x" + ".y"', "x.y")]


def test_other_calls_and_broken_files() -> None:
    assert targets('load_module("a.b")\nimport_module()\nx.import_modules("c")') == []
    found, notes = references("import_module(\n")
    assert found == []
    assert notes and "does not parse" in notes[0]


def test_lazy_imports_do_not_hide_the_dynamic_ones() -> None:
    assert targets('lazy import os\nimport_module("a.b")') == ["a.b"]
