"""What coverage.py counts (statements, branch exits) computed from our own parse agrees
with coverage.py's own parser."""

from __future__ import annotations

import ast
import textwrap

import pytest
from coverage.parser import PythonParser

from codehealth.metrics.coverable import DEFAULT_EXCLUDE, code_shape

SOURCES = {
    "docstrings_and_decorators": '''
        """Module doc."""
        import os

        @decorator
        @other(
            1)
        def f(a,
              b):
            """Doc."""
            x = (1 +
                 2)
            return x
        ''',
    "blocks": """
        def g(a, b):
            if a:
                pass
            elif b:
                z = 1
            else:
                w = 2
            try:
                q = 1
            except ValueError:
                pass
            finally:
                r = 1
            for i in a:
                continue
            while b:
                break
            with open(a) as handle:
                pass
            global zz
            y: int
            a.attribute: int
            a[0]: int
            return [i
                    for i in a]
        """,
    "match": """
        def h(a):
            match a:
                case 1:
                    pass
                case [x, y] if x:
                    pass
                case _:
                    pass
        """,
    "exclusions": """
        import typing
        if typing.TYPE_CHECKING:
            import os

        def f(a):
            if a:  # pragma: no cover
                return 1
                return 2
            else:
                return 3

        def g(a):
            if a:
                return 1
            else:  # pragma: no cover
                return 2

        def stub(a): ...

        @decorated  # pragma: no cover
        def gone():
            return 1

        class C:
            x: int
            def m(self):
                ...
            async def n(self):
                async for x in y:
                    pass
        """,
    "excluded_bodies": """
        class Unset:
            pass  # pragma: no cover

        class Base:
            def abstract(self):
                raise NotImplementedError()  # pragma: no cover

            def stub_below(self):
                ...

            async def stub_signature(
                self,
                request,
            ) -> None:
                ...

            def documented(self):
                \"\"\"Doc.\"\"\"
                ...
        """,
    "excluded_headers": """
        def f(a):
            try:  # pragma: no cover
                x = 1
            except ValueError:
                x = 2
            else:
                x = 3
            finally:
                x = 4
            for i in a:  # pragma: no cover
                pass
            else:
                y = 1
            while a:  # pragma: no cover
                pass
            else:  # pragma: no cover
                y = 2
            match a:  # pragma: no cover
                case 1:
                    pass
            if a:  # pragma: no cover
                b = 1
            else:
                b = 3
            return x
        """,
    "exits_into_excluded_code": """
        def f(a):
            if a:
                return 1
            raise ValueError  # pragma: no cover

        def g(items):
            for item in items:
                if item:
                    break
            if not items:  # pragma: no cover
                raise ValueError
            return items

        def h(a):
            match a:
                case 1:
                    return 1
                case 2:  # pragma: no cover
                    return 2
            return 0

        def k(a):
            try:
                while a:
                    a -= 1
            finally:
                a = 0
            while a:
                a -= 1
            global x
            return a
        """,
    "header_lines": """
        def f(
            a, b=None
        ):  # pragma: no cover
            return a

        def g(a):
            if a:
                # pragma: no cover (a comment before the body is not the header's)
                return 1
            try:
                pass
            except (
                ValueError,
                TypeError,
            ):  # pragma: no cover
                pass
            if a:
                b: int
                a.c = 1
            return 2
        """,
    "finally_after_jumps": """
        def wrapper(a):
            try:
                return (yield)
            finally:
                if a:
                    a = 2

        def guarded(a):
            try:
                with a:
                    return 1
            except ValueError:
                return 2
            finally:
                for i in a:
                    a = 2

        def falls(a):
            try:
                x = 1
            finally:
                if a:
                    a = 2
            return x
        """,
    "one_line_definitions": """
        class Empty: pass
        def one(): return 1
        @decorated
        def two(): return 2
        class Named: x = 1
        """,
    "no_branch": """
        def f(a):
            if a:  # pragma: no branch
                return 1
            while True:
                a += 1
                if a > 3:
                    break
            return a
        """,
}


def _theirs(source: str) -> tuple[set[int], dict[int, int]]:
    parser = PythonParser(text=source, exclude="|".join(f"(?:{p})" for p in DEFAULT_EXCLUDE))
    parser.parse_source()
    exits = {line: n for line, n in parser.exit_counts().items() if n > 1}
    return set(parser.statements), exits


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_statements_and_exits_are_coverage_py_s(name: str) -> None:
    source = textwrap.dedent(SOURCES[name])
    shape = code_shape(ast.parse(source), source)
    statements, exits = _theirs(source)
    assert set(shape.statements) == statements
    assert dict(shape.exits) == exits


def test_a_no_branch_line_keeps_its_exits_counted_as_taken() -> None:
    source = textwrap.dedent(SOURCES["no_branch"])
    shape = code_shape(ast.parse(source), source)
    assert shape.always_taken == frozenset({3})


def test_a_multi_line_statement_counts_at_its_first_line() -> None:
    source = "x = f(\n    1,\n    2,\n)\n"
    shape = code_shape(ast.parse(source), source)
    assert shape.statements == frozenset({1})
    assert shape.first_line == {2: 1, 3: 1, 4: 1}


def test_one_line_definitions_are_their_own_exits() -> None:
    source = textwrap.dedent(SOURCES["one_line_definitions"])
    shape = code_shape(ast.parse(source), source)
    assert shape.own_exits == frozenset({2, 3, 5, 6})
