"""The portfolio's boundaries column from constructed values: the summary counts a
boundary report as ``codehealth boundaries`` does, and each format says it (or that none
was recorded)."""

from __future__ import annotations

import json

from codehealth.core import (
    BoundaryReport,
    BoundarySummary,
    ContractResult,
    Cycle,
    Finding,
    Violation,
    summarise_boundaries,
)
from codehealth.portfolio.core import Portfolio, boundaries_text, repository_health
from codehealth.portfolio.formats import (
    render_portfolio,
    render_portfolio_json,
    render_portfolio_markdown,
)
from codehealth.portfolio.html import portfolio_data


def _violation(rule: str) -> Violation:
    return Violation(Finding(rule, "app/x.py", 1, "m"), "app.x", "app.y._z")


def test_the_summary_counts_violations_by_rule_cycles_and_broken_contracts() -> None:
    report = BoundaryReport(
        root="/r",
        root_packages=("app",),
        modules=(),
        edges=(),
        violations=(_violation("CH301"), _violation("CH306"), _violation("CH301")),
        contracts=(ContractResult("a", "layers", True), ContractResult("b", "layers", False)),
        cycles=(Cycle(("app.x", "app.y", "app.x"), (), ()),),
    )
    assert summarise_boundaries(report) == BoundarySummary(
        violations=3,
        cycles=1,
        contracts_broken=1,
        contracts=2,
        modules=0,
        by_rule=(("CH301", 2), ("CH306", 1)),
    )


def test_the_text_names_what_is_wrong_or_says_clean_or_unknown() -> None:
    assert boundaries_text(BoundarySummary(2, 1, 0, 0, 5)) == "2 violations · 1 cycle"
    assert boundaries_text(BoundarySummary(1, 0, 1, 3, 5)) == "1 violation · 1 broken contract"
    assert boundaries_text(BoundarySummary(0, 0, 0, 2, 5)) == "clean"
    assert boundaries_text(None) == "—"


def _portfolio() -> Portfolio:
    summary = BoundarySummary(2, 1, 0, 0, 4, (("CH301", 1), ("CH306", 1)))
    last = ("feedc0ffee00", 1_704_067_200)
    return Portfolio(
        "all of history",
        (
            repository_health("known", last, {}, {}, ([], {}), ("c0ffee00aa11", summary)),
            repository_health("unknown", last, {}, {}, ([], {})),
        ),
    )


def test_each_format_shows_the_numbers_or_that_none_were_recorded() -> None:
    rows = {r["name"]: r for r in json.loads(render_portfolio_json(_portfolio()))["repositories"]}
    assert rows["known"]["boundaries"] == {
        "violations": 2,
        "cycles": 1,
        "contracts_broken": 0,
        "contracts": 0,
        "modules": 4,
        "by_rule": {"CH301": 1, "CH306": 1},
        "commit": "c0ffee00aa",
    }
    assert rows["unknown"]["boundaries"] is None
    table = {line.split()[0]: line for line in render_portfolio(_portfolio()).splitlines() if line}
    assert "2 violations · 1 cycle" in table["known"] and " — " in table["unknown"]
    markdown = render_portfolio_markdown(_portfolio())
    assert "| 2 violations · 1 cycle |" in markdown and "| — |" in markdown
    page = {r["name"]: r for r in portfolio_data(_portfolio(), 0)["repositories"]}
    assert (page["known"]["boundaries"], page["known"]["boundaries_state"]) == (
        "2 violations · 1 cycle",
        "bad",
    )
    assert (page["unknown"]["boundaries"], page["unknown"]["boundaries_state"]) == ("—", "")
