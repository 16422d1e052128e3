"""The portfolio's rows from constructed store values: the rating of the debt command, the
trend over the window, the worst modules and the hotspots (touches x cyclomatic)."""

from __future__ import annotations

import json

from codehealth.portfolio.core import (
    Portfolio,
    debt_rating,
    hotspots,
    repository_health,
    worst_modules,
)
from codehealth.portfolio.formats import (
    render_portfolio,
    render_portfolio_json,
    render_portfolio_markdown,
)

MODULES = {
    "api": {"debt_minutes": 120.0, "cyclomatic": 10.0},
    "core": {"debt_minutes": 300.0, "cyclomatic": 4.0},
    "docs": {"debt_minutes": 0.0, "cyclomatic": 0.0},
    "db": {"debt_minutes": 60.0, "cyclomatic": 30.0},
    "ui": {"debt_minutes": 90.0, "cyclomatic": 2.0},
}


def test_the_rating_is_the_debt_commands_ratio_against_30_minutes_a_line() -> None:
    # 600 source lines cost 18,000 minutes: 5% is 900 minutes
    assert debt_rating(900, 600) == "A"
    assert debt_rating(901, 600) == "B"
    assert debt_rating(3600, 600) == "C"  # 20%
    assert debt_rating(9001, 600) == "E"  # above 50%
    assert debt_rating(0, 0) == "A" and debt_rating(5, 0) == "E"


def test_the_worst_three_modules_by_debt_without_those_that_have_none() -> None:
    assert [(m.name, m.debt_hours) for m in worst_modules(MODULES)] == [
        ("core", 5.0),
        ("api", 2.0),
        ("ui", 1.5),
    ]
    assert worst_modules({"docs": {"debt_minutes": 0.0}}) == ()


def test_hotspots_are_touches_times_cyclomatic_of_modules_that_still_exist() -> None:
    touches = {"api": 3, "core": 20, "db": 2, "gone": 50, "docs": 9}
    ranked = hotspots(touches, MODULES)
    # core 20x4=80, db 2x30=60, api 3x10=30; gone (no module now) and docs (no code) left out
    assert [(h.name, h.touches, h.score) for h in ranked] == [
        ("core", 20, 80.0),
        ("db", 2, 60.0),
        ("api", 3, 30.0),
    ]


def test_a_row_has_the_trend_from_the_windows_first_commit_to_now() -> None:
    row = repository_health(
        "github.com/org/shop",
        ("0123456789abcdef", 1_700_000_000),
        {"debt_minutes": 570.0, "lines": 1000.0},
        MODULES,
        ([(1, 300.0), (2, 450.0), (3, 570.0)], {"db": 4}),
    )
    assert row.debt_hours == 9.5 and row.rating == "A"  # 570 / 30,000 = 1.9%
    assert row.debt_first_hours == 5.0 and row.debt_change_hours == 4.5
    assert row.debt_series_hours == (5.0, 7.5, 9.5) and row.debt_series_times == (1, 2, 3)
    assert row.last_commit == "0123456789" and [h.name for h in row.hotspots] == ["db"]
    quiet = repository_health("q", ("ab", 0), {"debt_minutes": 60.0}, {}, ([], {}))
    assert (quiet.debt_first_hours, quiet.debt_change_hours) == (1.0, 0.0)  # no commit inside


def _portfolio() -> Portfolio:
    evil = "x'); DROP TABLE commits; -- | <b>*"
    return Portfolio(
        "--since 90.days",
        (
            repository_health(
                evil, ("feedc0ffee00", 1_704_067_200), {"debt_minutes": 90.0}, {}, ([], {})
            ),
        ),
    )


def test_the_formats_name_the_repository_as_data() -> None:
    portfolio = _portfolio()
    document = json.loads(render_portfolio_json(portfolio))
    assert document["schema_version"] == 2 and document["window"] == "--since 90.days"
    [row] = document["repositories"]
    assert row["name"] == "x'); DROP TABLE commits; -- | <b>*"
    assert (row["debt_hours"], row["last_commit"], row["last_date"]) == (
        1.5,
        "feedc0ffee",
        "2024-01-01",
    )
    text = render_portfolio(portfolio)
    assert "DROP TABLE commits" in text and "feedc0ffee 2024-01-01" in text
    markdown = render_portfolio_markdown(portfolio)
    # the pipe of the name cannot open a new cell: escaped inside its code span
    assert "`x'); DROP TABLE commits; -- \\| <b>*`" in markdown
    assert markdown.count("\n|") == 3  # header, rule and one row
