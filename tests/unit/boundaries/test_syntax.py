"""Type-checking-only imports in every spelling, imports used only in annotations, and PEP
810 lazy imports read from the tokens (issue 16)."""

from __future__ import annotations

import ast
import textwrap

import pytest

from codehealth.boundaries.syntax import type_only_imports, type_only_lines, without_lazy


def type_only(source: str, annotations: bool = False) -> set[int]:
    return set(type_only_imports(ast.parse(textwrap.dedent(source)), annotations))


# Each case: the source, and the line of its only import that runs only for the checker
# (None: the import runs at run time).
CHECKING_FORMS = [
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import a\n", 3),
    ("import typing\nif typing.TYPE_CHECKING:\n    import a\n", 3),
    ("import typing as t\nif t.TYPE_CHECKING:\n    import a\n", 3),
    ("import typing_extensions\nif typing_extensions.TYPE_CHECKING:\n    import a\n", 3),
    ("from typing import TYPE_CHECKING as TC\nif TC:\n    import a\n", 3),
    ("from typing_extensions import TYPE_CHECKING as TC\nif TC:\n    import a\n", 3),
    ("if TYPE_CHECKING or False:\n    import a\n", 2),
    ("if TYPE_CHECKING and X:\n    import a\n", 2),
    ("if not TYPE_CHECKING:\n    pass\nelse:\n    import a\n", 4),
    ("if not (TYPE_CHECKING or False):\n    pass\nelse:\n    import a\n", 4),
    ("if X:\n    pass\nelif TYPE_CHECKING:\n    import a\n", 4),
    ("if TYPE_CHECKING:\n    try:\n        import a\n    except ImportError:\n        pass\n", 3),
    ("def f():\n    if TYPE_CHECKING:\n        from a import b\n", 3),
    ("if TYPE_CHECKING:\n    from a import (\n        b,\n    )\n", 2),
    # the import runs at run time
    ("if not TYPE_CHECKING:\n    import a\n", None),
    ("if TYPE_CHECKING:\n    pass\nelse:\n    import a\n", None),
    ("if TYPE_CHECKING or X:\n    import a\n", None),
    ("if not TYPE_CHECKING and X:\n    pass\nelse:\n    import a\n", None),
    ("if False:\n    import a\n", None),  # no TYPE_CHECKING: not a type-checking guard
    ("if TC:\n    import a\n", None),  # TC never bound to TYPE_CHECKING
    ("import a\n", None),
]


@pytest.mark.parametrize(("source", "line"), CHECKING_FORMS)
def test_type_checking_forms(source: str, line: int | None) -> None:
    assert type_only(source) == ({line} if line else set())


FUTURE = "from __future__ import annotations\n"

# Each case: a module with `from __future__ import annotations` and `from m import A` on
# line 2, and whether that import is used only in annotations.
ANNOTATION_USES = [
    ("def f(x: A) -> None: ...", True),
    ("def f(x) -> A: ...", True),
    ("def f(*args: A, **kw: A): ...", True),
    ("x: A = 1", True),
    ("class C:\n    field: list[A]", True),
    ('def f(x: "A"): ...', True),  # a string annotation
    ("def f(x: A = A()): ...", False),  # a default value runs
    ("class C(A): ...", False),  # a base class
    ("@A\ndef f(): ...", False),  # a decorator
    ("def f(x: A):\n    return A(x)", False),  # a call at run time
    ("x: A = cast(A, y)", False),
    ("__all__ = ['A']", False),  # re-exported
    ("", False),  # never used: a re-export or a side effect, not type-only
]


@pytest.mark.parametrize(("body", "type_only_use"), ANNOTATION_USES)
def test_annotation_only_imports(body: str, type_only_use: bool) -> None:
    source = FUTURE + "from m import A\n" + body + "\n"
    assert type_only(source, annotations=True) == ({2} if type_only_use else set())


def test_annotation_only_needs_the_setting_and_the_future_import() -> None:
    body = "from m import A\ndef f(x: A) -> None: ...\n"
    assert type_only(FUTURE + body) == set()  # not asked
    assert type_only(body, annotations=True) == set()  # annotations evaluated at run time


def test_every_name_of_the_statement_must_be_annotation_only() -> None:
    source = FUTURE + "from m import A, B\nimport p.q\ndef f(x: A, y: p.q.T) -> B:\n    B()\n"
    assert type_only(source, annotations=True) == {3}  # B is called: line 2 runs


def test_type_only_lines_parses_only_the_forms_grimp_misses() -> None:
    contents = {
        "pkg.plain": b"from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import a\n",
        "pkg.alias": b"from typing import TYPE_CHECKING as TC\nif TC:\n    import a\n",
        "pkg.broken": b"from typing import TYPE_CHECKING as TC\nif TC\n",
        "pkg.none": b"import a\n",
    }
    # grimp drops pkg.plain's import itself; a file that does not parse has none
    assert type_only_lines(contents, annotations=False) == {"pkg.alias": frozenset({3})}


LAZY = [
    (b"lazy import a.b\n", b"import a.b\n"),
    (b"lazy from a import b\n", b"from a import b\n"),
    (b"def f():\n    lazy  from . import b\n", b"def f():\n    from . import b\n"),
    (b"# x\nlazy import a\nx = 1\n", b"# x\nimport a\nx = 1\n"),
    (b"lazy = 1\nprint(lazy)\n", b"lazy = 1\nprint(lazy)\n"),  # a name, not the keyword
    (b'x = "lazy import a"\n', b'x = "lazy import a"\n'),  # in a string
    (b"lazy(import_x)\n", b"lazy(import_x)\n"),
    (b'# -*- coding: latin-1 -*-\nx = "\xe9"; y = 1\nlazy import a\n', None),
]


@pytest.mark.parametrize(("source", "plain"), LAZY)
def test_lazy_imports_in_the_token_stream(source: bytes, plain: bytes | None) -> None:
    rewritten = without_lazy(source)
    if plain is not None:
        assert rewritten == plain
    else:
        assert rewritten.endswith(b"\nimport a\n")
    tree = ast.parse(rewritten)  # parses on every interpreter
    assert len(rewritten.splitlines()) == len(source.splitlines())  # lines kept
    assert tree is not None


def test_a_file_that_does_not_tokenize_is_left_as_it_is() -> None:
    assert without_lazy(b"lazy import a\nx = (\n") == b"lazy import a\nx = (\n"
