"""``codehealth portfolio --html``: one self-contained page (pure: the data and the page as a
string; ``codehealth.render``'s ``html_page`` embeds ECharts and escapes the data)."""

from __future__ import annotations

import time
from importlib import resources
from typing import Any

from codehealth.portfolio.core import Portfolio, RepositoryHealth, boundaries_text
from codehealth.render import html_page
from codehealth.version import __version__

# points per repository in the debt-over-time chart: a year of daily commits drawn whole,
# 100 repositories x 1,000 commits in a page that opens at once
MAX_POINTS = 250
MAX_HOTSPOTS = 50


def render_portfolio_html(portfolio: Portfolio, generated: float) -> str:
    template = resources.files("codehealth.portfolio").joinpath("assets")
    return html_page(
        template.joinpath("portfolio.html"),
        "codehealth portfolio",
        portfolio_data(portfolio, generated),
    )


def portfolio_data(portfolio: Portfolio, generated: float) -> dict[str, Any]:
    """What the page shows (plain JSON types)."""
    rows = portfolio.repositories
    return {
        "version": __version__,
        "generated": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(generated)),
        "window": portfolio.window,
        "repositories": [_summary(row) for row in rows],
        "series": [{"name": row.name, "points": _points(row)} for row in rows],
        "treemap": [
            {
                "name": row.name,
                "value": round(row.debt_hours, 1),
                "children": [
                    {"name": m.name, "value": round(m.debt_hours, 2)} for m in row.modules
                ],
            }
            for row in rows
            if row.debt_hours > 0
        ],
        "hotspots": _hotspots(rows),
    }


def _summary(row: RepositoryHealth) -> dict[str, Any]:
    return {
        "name": row.name,
        "debt_hours": round(row.debt_hours, 1),
        "rating": row.rating,
        "change_hours": round(row.debt_change_hours, 1),
        "boundaries": boundaries_text(row.boundaries),
        "boundaries_state": _state(row),
        "last_commit": row.last_commit,
        "last_date": time.strftime("%Y-%m-%d", time.gmtime(row.last_timestamp)),
    }


def _state(row: RepositoryHealth) -> str:
    """The boundaries cell's colour: "bad" with violations, "good" clean, "" unknown."""
    summary = row.boundaries
    if summary is None:
        return ""
    return "bad" if summary.violations or summary.contracts_broken else "good"


def _points(row: RepositoryHealth) -> list[list[float]]:
    """[milliseconds, hours] of the window's commits, evenly thinned to MAX_POINTS, the
    first and the last always kept."""
    pairs = list(zip(row.debt_series_times, row.debt_series_hours, strict=True))
    if len(pairs) > MAX_POINTS:
        step = (len(pairs) - 1) / (MAX_POINTS - 1)
        pairs = [pairs[round(index * step)] for index in range(MAX_POINTS)]
    return [[timestamp * 1000, round(hours, 2)] for timestamp, hours in pairs]


def _hotspots(rows: tuple[RepositoryHealth, ...]) -> list[dict[str, Any]]:
    """The highest scores across every repository."""
    ranked = sorted(
        ((row.name, spot) for row in rows for spot in row.ranked_hotspots),
        key=lambda pair: (-pair[1].score, pair[0], pair[1].name),
    )
    return [
        {
            "repository": name,
            "module": spot.name,
            "touches": spot.touches,
            "cyclomatic": spot.cyclomatic,
            "score": spot.score,
        }
        for name, spot in ranked[:MAX_HOTSPOTS]
    ]
