"""Reads the store and builds the portfolio (the one place the feature does I/O)."""

from __future__ import annotations

from codehealth.core import ConfigError
from codehealth.core.store_url import is_postgres_url, masked
from codehealth.history import window_start
from codehealth.portfolio.core import Portfolio, repository_health


def run_portfolio(store_url: str | None, since: str, now: float) -> Portfolio:
    """ConfigError (exit 2) without a store, with a URL that is not PostgreSQL's or an
    unreadable window."""
    if not store_url:
        raise ConfigError(
            "portfolio needs a store: --store postgresql://user@host/db (or CODEHEALTH_STORE)"
        )
    if not is_postgres_url(store_url):
        raise ConfigError(f"--store {masked(store_url)}: expected a postgresql:// URL")
    try:
        start = window_start(since, now)
    except ValueError as error:
        raise ConfigError(f"--since: {error}") from None
    from codehealth.adapters.store import read_portfolio

    rows = read_portfolio(store_url, start)
    return Portfolio(
        window="all of history" if start is None else f"--since {since}",
        repositories=tuple(
            repository_health(
                row.name,
                (row.sha, row.timestamp),
                row.totals,
                row.modules,
                (row.series, row.touches),
                row.boundaries,
            )
            for row in rows
        ),
    )
