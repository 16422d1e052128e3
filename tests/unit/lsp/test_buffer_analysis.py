"""``codehealth.lsp``'s pure core on constructed buffers: a content and settings in,
diagnostics, lenses, the hover text and the quick fix out."""

from __future__ import annotations

from dataclasses import replace

from codehealth.adapters.files import load_catalogue
from codehealth.core import EditorDiagnostic, Settings, Span, Thresholds
from codehealth.core.tests_settings import TestSettings
from codehealth.lsp.analysis import SIZE_CAP, Buffer, analyse_buffer
from codehealth.lsp.features import hover_text, ignore_actions

CATALOGUE = load_catalogue()
SETTINGS = Settings(root="/project")
BRANCHY = "def route(a):\n" + "".join(f"    if a == {n}:\n        return {n}\n" for n in range(11))


def buffer(text: str, path: str = "shop/views.py", **changes: object) -> Buffer:
    made = Buffer(path, text.encode(), SETTINGS, CATALOGUE, None, False)
    return replace(made, **changes)


def test_a_function_over_the_threshold_is_a_diagnostic_with_its_figure() -> None:
    result = analyse_buffer(buffer(BRANCHY), None)
    assert [(d.rule, d.message, d.severity) for d in result.diagnostics] == [
        ("CH101", "route: cyclomatic complexity 12 > 10", "warning")
    ]
    assert result.diagnostics[0].span == Span(0, 0, 0, len("def route(a):"))


def test_markers_are_diagnosed_on_their_comment() -> None:
    result = analyse_buffer(buffer("x = 1  # TODO: rename\n"), None)
    (marker,) = result.diagnostics
    assert (marker.rule, marker.span) == ("CH201", Span(0, 7, 0, len("x = 1  # TODO: rename")))


def test_the_thresholds_come_from_the_settings() -> None:
    looser = replace(SETTINGS, thresholds=Thresholds(cyclomatic=12))
    assert analyse_buffer(buffer(BRANCHY, settings=looser), None).diagnostics == ()


def test_findings_the_baseline_accepts_are_hidden_unless_all_are_shown() -> None:
    text = BRANCHY + "# FIXME: later\n"
    first = analyse_buffer(buffer(text), None)
    legacy = frozenset(f.fingerprint for f in first.findings if f.rule == "CH101")
    assert len(legacy) == 1
    gated = analyse_buffer(buffer(text, accepted=legacy), None)
    assert [d.rule for d in gated.diagnostics] == ["CH202"]
    shown = analyse_buffer(buffer(text, accepted=legacy, show_all=True), None)
    assert sorted(d.rule for d in shown.diagnostics) == ["CH101", "CH202"]


def test_a_buffer_that_does_not_parse_keeps_markers_and_the_last_complexity() -> None:
    good = analyse_buffer(buffer(BRANCHY), None)
    broken = BRANCHY + "def half(:\n    pass  # TODO: finish\n"
    result = analyse_buffer(buffer(broken), good.metrics)
    by_rule = {d.rule: d for d in result.diagnostics}
    assert set(by_rule) == {"CH000", "CH101", "CH201"}
    assert by_rule["CH000"].span.line == BRANCHY.count("\n")  # the line of `def half(:`
    assert by_rule["CH000"].severity == "error"
    assert by_rule["CH101"].message.endswith("(as last parsed)")
    assert result.metrics is good.metrics
    assert [lens.line for lens in result.lenses] == [0]


def test_a_buffer_that_never_parsed_has_only_its_markers_and_the_error() -> None:
    result = analyse_buffer(buffer("def half(:\n    pass  # TODO: x\n"), None)
    assert sorted(d.rule for d in result.diagnostics) == ["CH000", "CH201"]
    assert result.lenses == ()


def test_a_huge_buffer_gets_one_information_diagnostic() -> None:
    huge = "x = 1  # TODO\n" * (SIZE_CAP // 14 + 1)
    (note,) = analyse_buffer(buffer(huge), None).diagnostics
    assert (note.rule, note.severity) == ("CH000", "information")
    assert "over codehealth's" in note.message


def test_tests_are_exempt_from_complexity_rules_as_in_the_gate() -> None:
    text = BRANCHY + "# TODO: x\n"
    in_tests = analyse_buffer(buffer(text, path="tests/test_views.py"), None)
    assert [d.rule for d in in_tests.diagnostics] == ["CH201"]
    held = replace(SETTINGS, tests=TestSettings(gate=True))
    strict = analyse_buffer(buffer(text, path="tests/test_views.py", settings=held), None)
    assert sorted(d.rule for d in strict.diagnostics) == ["CH101", "CH201"]


def test_lenses_show_both_complexities_above_each_function() -> None:
    text = "def a():\n    return 1\n\n\nclass K:\n    def b(self, x):\n        return x and 1\n"
    lenses = analyse_buffer(buffer(text), None).lenses
    assert [(lens.line, lens.title) for lens in lenses] == [
        (0, "cyclomatic 1 · cognitive 0"),
        (5, "cyclomatic 2 · cognitive 1"),
    ]


def test_hover_gives_the_documentation_of_the_rules_under_the_position() -> None:
    diagnostic = EditorDiagnostic(Span(3, 0, 3, 12), "CH101", "route: ...", "warning")
    text = hover_text([diagnostic], 3, 5, CATALOGUE)
    assert text is not None and text.startswith("CH101 cyclomatic-complexity")
    assert hover_text([diagnostic], 4, 0, CATALOGUE) is None
    assert hover_text([diagnostic], 3, 13, CATALOGUE) is None


def test_the_quick_fix_appends_an_inline_ignore_for_import_rules_only() -> None:
    line = "from shop.billing._impl import x   "
    (action,) = ignore_actions(2, line, ["CH301", "CH101", "CH301"])
    assert (action.rule, action.line, action.character) == ("CH301", 2, len(line.rstrip()))
    assert action.text == "  # codehealth: ignore[CH301] because <reason>"
    assert ignore_actions(2, line, ["CH101", "CH201", "CH308", "CH309"]) == ()
