"""Property-based fuzzing of the metrics and of the findings built from them.

Each generated program goes through every property in one test (generating it costs more
than checking it). Programs come from two sources: ``programs`` (programs.py here: syntax
trees built from every construct the metrics count, printed and re-laid) and hypothesmith
(programs of any shape the grammar allows; slow to generate, so fewer of them). The number
of examples is the Hypothesis profile's (conftest.py here: ``ci`` by default,
``HYPOTHESIS_PROFILE=long`` for 10,000).

Properties:
- the metrics never raise, whatever the bytes, and every program that parses is measured;
- cyclomatic complexity equals radon's for every block radon reports and for the file;
- cognitive complexity is >= 0 and does not change when comment or blank lines are inserted,
  comments appended to lines or lines broken inside brackets (nor does cyclomatic);
- findings' fingerprints do not change when lines are inserted above (or between) them.
"""

from __future__ import annotations

import ast
import warnings
from typing import Any

import hypothesmith
from hypothesis import given, note, settings
from hypothesis import strategies as st
from programs import add_trailing_comments, insert_lines, layouts, line_ends
from radon.complexity import cc_visit
from radon.visitors import ComplexityVisitor
from test_metrics_radon import _radon_blocks

from codehealth.adapters.files import load_catalogue
from codehealth.core import FileMetrics, NotAnalysed, Thresholds, price_rule_hits
from codehealth.findings import complexity_findings, find_markers, finish_file
from codehealth.metrics import analyze_source

CATALOGUE = load_catalogue()
_CURRENT = settings()
# hypothesmith costs 0.05-0.4 s a program (programs: ~0.03 s): a tenth as many of them.
_SLOW = settings(_CURRENT, max_examples=max(10, _CURRENT.max_examples // 10))


def _parses(source: bytes) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def _measure(source: str | bytes) -> FileMetrics:
    data = source.encode() if isinstance(source, str) else source
    result = analyze_source(data, "fuzz.py")
    assert isinstance(result, FileMetrics), result
    return result


def _never_raises(source: bytes) -> None:
    result = analyze_source(source, "fuzz.py")
    assert isinstance(result, (FileMetrics, NotAnalysed))
    if _parses(source):
        assert isinstance(result, FileMetrics), result
    metrics = result if isinstance(result, FileMetrics) else None
    found = complexity_findings([metrics] if metrics else [], Thresholds(), CATALOGUE)
    found += price_rule_hits("fuzz.py", find_markers(source), CATALOGUE)
    finish_file(found, metrics, source)


@given(st.one_of(st.text().map(str.encode), st.binary()))
def test_metrics_never_raise(source: bytes) -> None:
    _never_raises(source)


@_SLOW
@given(st.one_of(hypothesmith.from_grammar(), hypothesmith.from_node()))
def test_metrics_never_raise_on_any_grammatical_program(source: str) -> None:
    _never_raises(source.encode("utf-8", "surrogatepass"))


# -- cyclomatic complexity: radon's ---------------------------------------------------------


def _radon(source: str) -> tuple[dict[tuple[str, int, str], int], int]:
    blocks = {(kind, line, name): cc for kind, line, name, cc in _radon_blocks(cc_visit(source))}
    return blocks, ComplexityVisitor.from_code(source).total_complexity


def check_cyclomatic_equals_radon(source: str) -> None:
    metrics = _measure(source)
    theirs, total = _radon(source)
    ours: dict[tuple[str, int, str], int] = {
        ("function", f.lineno, f.name): f.cyclomatic for f in metrics.functions
    }
    ours.update({("class", c.lineno, c.name): c.cyclomatic for c in metrics.classes})
    assert {key: ours.get(key) for key in theirs} == theirs
    assert metrics.cyclomatic == total


# -- cognitive complexity: >= 0, blind to comments and blank lines ---------------------------


def _complexities(metrics: FileMetrics) -> list[tuple[str, int, int]]:
    """(qualified name, cognitive, cyclomatic) of the file, every function and class, in order."""
    found = [("<file>", metrics.cognitive, metrics.cyclomatic)]
    found += [(f.qualname, f.cognitive, f.cyclomatic) for f in metrics.functions]
    found += [(c.qualname, c.cognitive, c.cyclomatic) for c in metrics.classes]
    return found


_COMMENTS = st.sampled_from(("", "# a comment", "#", "# (", "# and (", "  # indented", "\t# x"))


def check_cognitive_is_not_negative_and_ignores_comments_and_blank_lines(
    source: str, data: Any
) -> None:
    before = _complexities(_measure(source))
    assert all(cognitive >= 0 for _, cognitive, _ in before)

    ends = line_ends(source)
    rows = data.draw(st.lists(st.sampled_from([0, *ends]), min_size=1, max_size=8))
    texts = data.draw(st.lists(_COMMENTS, min_size=len(rows), max_size=len(rows)))
    trailing = data.draw(st.lists(st.sampled_from(ends), max_size=4)) if ends else []
    # Trailing comments first: ``insert_lines`` moves the rows.
    edited = insert_lines(add_trailing_comments(source, trailing, "# c ("), rows, texts)
    note(edited)
    assert _complexities(_measure(edited)) == before


# -- fingerprints: blind to lines inserted above --------------------------------------------

# Low limits, so that most programs have complexity findings. Two rules are left out on
# purpose, because inserting lines changes what they measure: CH106 (the file's length) and
# CH107 (the maintainability index, which counts comment lines). CH105 (a function's length
# in lines) is compared only when no line went inside a function.
_LIMITS = Thresholds(
    cyclomatic=1,
    cognitive=0,
    nesting=0,
    parameters=0,
    function_length=1,
    file_lines=10**9,
    maintainability=-1.0,
)
_MARKERS = st.sampled_from(
    ("# TODO: later", "# FIXME", "# noqa: E501", "# type: ignore", "# pragma: no cover")
)


def _fingerprints(source: str, skip_length: bool) -> set[str]:
    data = source.encode()
    metrics = _measure(data)
    found = complexity_findings([metrics], _LIMITS, CATALOGUE)
    found += price_rule_hits("fuzz.py", find_markers(data), CATALOGUE)
    return {
        f.fingerprint
        for f in finish_file(found, metrics, data)
        if not (skip_length and f.rule == "CH105")
    }


def check_fingerprints_do_not_change_when_lines_are_inserted_above(source: str, data: Any) -> None:
    ends = line_ends(source)
    if ends:  # some findings from markers too
        marked = data.draw(st.lists(st.sampled_from(ends), max_size=4))
        for row in sorted(set(marked)):
            source = add_trailing_comments(source, [row], data.draw(_MARKERS))
    rows = data.draw(st.lists(st.sampled_from([0, *line_ends(source)]), min_size=1, max_size=6))
    texts = data.draw(
        st.lists(
            st.sampled_from(("", "# note", "    # note")), min_size=len(rows), max_size=len(rows)
        )
    )
    edited = insert_lines(source, rows, texts)
    note(edited)
    metrics = _measure(source)
    inside = any(f.lineno <= row < f.end_lineno for f in metrics.functions for row in rows)
    before = _fingerprints(source, inside)
    assert before or inside or not metrics.functions  # low limits: every function has some
    assert _fingerprints(edited, inside) == before


# -- all of them on each generated program ---------------------------------------------------


@given(layouts, st.data())
def test_properties_of_generated_programs(layout: tuple[str, str], data: Any) -> None:
    """One program, every property: generating a program costs more than checking it."""
    canonical, source = layout
    _never_raises(source.encode())
    # Line breaks inside brackets change no measure (the canonical print has none).
    assert _complexities(_measure(source)) == _complexities(_measure(canonical))
    check_cyclomatic_equals_radon(source)
    check_cognitive_is_not_negative_and_ignores_comments_and_blank_lines(source, data)
    check_fingerprints_do_not_change_when_lines_are_inserted_above(source, data)
