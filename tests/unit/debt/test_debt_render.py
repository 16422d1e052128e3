"""The debt and rules renderers: every format renders the same report (pure functions)."""

from __future__ import annotations

import json

from codehealth.adapters.files import load_catalogue
from codehealth.core import Finding
from codehealth.debt.document import debt_document, render_debt_json
from codehealth.debt.formats import (
    render_debt_markdown,
    render_debt_rich,
    render_debt_text,
)
from codehealth.debt.report import Basis, DebtOfTests, Remarks, build_report
from codehealth.ruledocs.formats import (
    render_lint_cost,
    render_rule_doc,
    render_rules_rich,
    render_rules_text,
    rules_json,
)

CATALOGUE = load_catalogue()


def report(incomplete: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    findings = [
        Finding("CH101", "src/a/x.py", 3, "f: cyclomatic 12 > 10", "major", 12, "f", fix="split"),
        Finding("ruff:F821", "src/a/x.py", 9, "undefined name `y`", "critical", 15, "g"),
        Finding("CH201", "src/b/y.py", 1, "TODO: | pipe", "info", 15),
    ]
    return build_report(
        findings,
        Basis(
            {"src/a/x.py": 100, "src/b/y.py": 10},
            {"src/a/x.py": "a", "src/b/y.py": "b"},
            {"CH101": "complexity", "CH201": "markers"},
        ),
        remarks=Remarks(incomplete=incomplete),
    )


def test_every_format_shows_the_rating_and_what_to_fix_first() -> None:
    done = report()
    text = render_debt_text(done)
    rich = render_debt_rich(done, 10, 160)
    markdown = render_debt_markdown(done)
    for output in (text, rich, markdown):
        assert "rating" in output and "src/a/x.py" in output
    assert text.index("src/a/x.py:9 g") < text.index("src/a/x.py:3 f")  # critical first
    assert "TODO\\: \\| pipe" in markdown  # a table-breaking pipe is escaped (and ":")
    assert "Debt markers" in text and "CH201" in text and "CH201 x1" in markdown
    document = json.loads(render_debt_json(done))
    assert document == debt_document(done)
    assert document["complete"] is True
    assert document["fix_first"][0]["rules"] == ["ruff:F821"]


def test_an_incomplete_report_says_so_everywhere() -> None:
    done = report(("ruff is not installed",))
    assert "INCOMPLETE: ruff is not installed" in render_debt_text(done)
    assert "**Incomplete:** ruff is not installed" in render_debt_markdown(done)
    assert debt_document(done)["complete"] is False


def test_rules_renderings() -> None:
    assert "CH101" in render_rules_text(CATALOGUE)
    assert "CH208" in render_rules_rich(CATALOGUE, 160)
    assert {r["id"] for r in json.loads(rules_json(CATALOGUE))["rules"]} >= {"CH101", "CH201"}
    rule = CATALOGUE.rule("CH101")
    assert rule is not None
    doc = render_rule_doc(rule)
    assert "Default threshold: 10" in doc and "[tool.codehealth.thresholds] cyclomatic" in doc
    covered = render_lint_cost("C901", CATALOGUE.lint_cost("ruff", "C901"), False)
    assert "CH101" in covered
    default = render_lint_cost("ZZ1", CATALOGUE.lint_cost("ruff", "ZZ1"), True)
    assert "the tool's default cost" in default


def test_every_format_shows_the_test_debt_after_the_debt() -> None:
    test_finding = Finding("CH102", "tests/test_x.py", 4, "t: cognitive 20 > 15", "major", 25, "t")
    done = build_report(
        [Finding("CH201", "src/b/y.py", 1, "TODO", "info", 15)],
        Basis(
            {"src/b/y.py": 10, "tests/test_x.py": 10},
            {},
            {"CH102": "complexity", "CH201": "markers"},
        ),
        tests=DebtOfTests([test_finding], 10),
    )
    text = render_debt_text(done)
    assert text.index("Technical debt: 0.25 h (1 findings)") < text.index(
        "Test debt: 0.42 h (1 findings)"
    )
    assert "Test debt: **0.42 h** (1 findings)" in render_debt_markdown(done)
    assert "tests/test_x.py" not in text  # not in the production tables
    document = debt_document(done)
    assert document["test_debt"]["minutes"] == 25 and document["test_debt_counted"] is False
    assert [f["path"] for f in document["test_findings"]] == ["tests/test_x.py"]
    assert document["test_fix_first"][0]["symbol"] == "t"
    assert all(f["path"] != "tests/test_x.py" for f in document["findings"])
    counted = build_report([], Basis({}, {}, {}), tests=DebtOfTests(counted=True))
    assert "Test debt: counted in the debt above" in render_debt_text(counted)


def test_no_test_debt_no_line() -> None:
    assert "Test debt" not in render_debt_text(report())
    assert "Test debt" not in render_debt_markdown(report())
