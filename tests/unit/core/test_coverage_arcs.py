"""The taken exits of a branching line, from the arcs of a ``.coverage`` file: only the
arcs coverage.py counts as that line's exits (httpx's ``if any(... for char in url):``
records the generator expression's own exit, an arc from the line to minus itself)."""

from __future__ import annotations

from collections.abc import Iterable

from codehealth.core import CodeShape, MeasuredFile, ProjectFiles, RawCoverage, join_coverage


def _taken(shape: CodeShape, arcs: Iterable[tuple[int, int]], line: int) -> int:
    executed = frozenset(a for a, _ in arcs if a > 0)
    measured = MeasuredFile("m.py", executed, frozenset(arcs))
    raw = RawCoverage(".coverage", "coverage.py", (measured,), has_branches=True)
    project = ProjectFiles(root="/p", line_counts={"m.py": 10}, shape=lambda _: shape)
    file = join_coverage(raw, project).of("m.py")
    assert file is not None
    return file.branches[line].taken


def test_the_exit_of_a_generator_expression_on_an_if_line_is_not_a_taken_exit() -> None:
    # 1 def f(url):  2 if any(c.isspace() for c in url):  3 raise ...  4 return url
    shape = CodeShape(frozenset({1, 2, 3, 4}), {}, {2: 2})
    arcs = [(-1, 2), (2, 2), (2, -2), (-2, 2), (2, 4), (4, -1)]
    assert _taken(shape, arcs, 2) == 1  # only the jump to line 4; line 3 never ran


def test_a_generator_expression_on_a_continuation_line_is_mapped_to_its_statement() -> None:
    # 2 if any(  3 c.isspace() for c in url  4 ):  5 raise ...  6 return url
    shape = CodeShape(frozenset({1, 2, 5, 6}), {3: 2, 4: 2}, {2: 2})
    arcs = [(-1, 2), (2, 3), (3, -3), (-3, 3), (2, 6), (6, -1)]
    assert _taken(shape, arcs, 2) == 1


def test_a_one_line_definition_exits_to_the_next_statement_and_out_of_its_body() -> None:
    # 1 def one(): return 1  2 one()
    shape = CodeShape(frozenset({1, 2}), {}, {1: 2}, own_exits=frozenset({1}))
    arcs = [(-1, 1), (1, 2), (2, -1), (1, -1)]
    assert _taken(shape, arcs, 1) == 2
