"""``codehealth portfolio`` as a table (plain or rich), JSON and markdown."""

from __future__ import annotations

import datetime
from typing import Any

from codehealth.history.formats import sparkline
from codehealth.portfolio.core import Portfolio, RepositoryHealth, boundaries_text
from codehealth.render import Cell, Table, json_text, md_code, md_text, render_report

PORTFOLIO_SCHEMA_VERSION = 2  # 2: boundaries (the summary per repository, or null)
_HEADERS = (
    "repository",
    "debt h",
    "rating",
    "trend",
    "chart",
    "worst modules",
    "hotspots",
    "boundaries",
    "last commit",
)


def _day(timestamp: int) -> str:
    return datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).strftime("%Y-%m-%d")


def _signed(value: float) -> str:
    return "0" if round(value, 1) == 0 else f"{value:+,.1f}"


def _worst(row: RepositoryHealth) -> str:
    return ", ".join(f"{m.name} {m.debt_hours:.1f}h" for m in row.worst_modules)


def _hot(row: RepositoryHealth) -> str:
    return ", ".join(f"{h.name} ({h.touches}x{h.cyclomatic:g})" for h in row.hotspots)


def _cells(row: RepositoryHealth) -> tuple[str, ...]:
    return (
        row.name,
        f"{row.debt_hours:,.1f}",
        row.rating,
        _signed(row.debt_change_hours),
        sparkline(row.debt_series_hours, 16),
        _worst(row),
        _hot(row),
        boundaries_text(row.boundaries),
        f"{row.last_commit} {_day(row.last_timestamp)}",
    )


def _lines_before(portfolio: Portfolio) -> list[str]:
    count = len(portfolio.repositories)
    total = sum(row.debt_hours for row in portfolio.repositories)
    return [
        f"{count} repositories, {total:,.1f} h of debt; trend and hotspots over {portfolio.window}"
    ]


def render_portfolio(portfolio: Portfolio, width: int | None = None) -> str:
    table = Table(
        "Portfolio",
        _HEADERS,
        [
            tuple(
                Cell(text, alert=index == 3 and row.debt_change_hours > 0)
                for index, text in enumerate(_cells(row))
            )
            for row in portfolio.repositories
        ],
        numeric=frozenset({1, 3}),
        footnote="trend: debt now minus at the window's first commit; hotspots: module "
        "(commits in the window x cyclomatic now); boundaries: at the last commit recorded "
        "with them, violations as `codehealth boundaries` counts them (cycles included), "
        "\u2014 when none were",
    )
    return render_report(([table], _lines_before(portfolio), []), width)


def _row_json(row: RepositoryHealth) -> dict[str, Any]:
    return {
        "name": row.name,
        "debt_hours": row.debt_hours,
        "rating": row.rating,
        "debt_first_hours": row.debt_first_hours,
        "debt_change_hours": row.debt_change_hours,
        "debt_series_hours": list(row.debt_series_hours),
        "worst_modules": [{"name": m.name, "debt_hours": m.debt_hours} for m in row.worst_modules],
        "hotspots": [
            {"name": h.name, "touches": h.touches, "cyclomatic": h.cyclomatic, "score": h.score}
            for h in row.hotspots
        ],
        "boundaries": _boundaries_json(row),
        "last_commit": row.last_commit,
        "last_date": _day(row.last_timestamp),
    }


def _boundaries_json(row: RepositoryHealth) -> dict[str, Any] | None:
    if row.boundaries is None:
        return None
    return {**row.boundaries.as_json(), "commit": row.boundaries_commit}


def render_portfolio_json(portfolio: Portfolio, pretty: bool = False) -> str:
    document = {
        "schema_version": PORTFOLIO_SCHEMA_VERSION,
        "window": portfolio.window,
        "repositories": [_row_json(row) for row in portfolio.repositories],
    }
    return json_text(document, pretty)


def render_portfolio_markdown(portfolio: Portfolio) -> str:
    out = ["## Portfolio", "", md_text(_lines_before(portfolio)[0]), ""]
    out += ["| " + " | ".join(_HEADERS) + " |", "|" + "---|" * len(_HEADERS)]
    for row in portfolio.repositories:
        name, *numbers, worst, hot, bounds, last = _cells(row)
        texts = (md_text(text) for text in (worst, hot, bounds, last))
        cells = [md_code(name, table=True), *numbers, *texts]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"
