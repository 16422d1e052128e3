"""``codehealth portfolio``."""

from __future__ import annotations

import time

import click

from codehealth.adapters.console import (
    EXIT_OK,
    guarded,
    stdout_is_terminal,
    table_width,
    verbose_option,
    write,
)


@click.command()
@click.option(
    "--store",
    "store_url",
    envvar="CODEHEALTH_STORE",
    metavar="URL",
    help="The shared PostgreSQL store `codehealth history --store URL` records into "
    "(postgresql://user@host/db; the password from PGPASSWORD or ~/.pgpass, never "
    "printed). Also CODEHEALTH_STORE. Only read: a read-only role suffices.",
)
@click.option(
    "--since",
    default="90.days",
    show_default=True,
    metavar="PERIOD",
    help='The window of the trend and the hotspots: "90.days", "6.months", a date '
    '"2024-01-31" or "all".',
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
)
@click.option(
    "--html",
    "folder",
    metavar="DIR",
    help="Write a self-contained page to DIR/index.html instead (DIR is created): debt "
    "over time per repository, a treemap of debt by repository and module, the top "
    "hotspots across all.",
)
@verbose_option
@guarded
def portfolio(store_url: str | None, since: str, output_format: str, folder: str | None) -> int:
    """Every repository of a shared history store in one table: debt, rating, trend,
    worst modules and hotspots.

    \b
    Examples:
      codehealth portfolio --store postgresql://ci@db/codehealth
      codehealth portfolio --since 6.months --format markdown >> "$GITHUB_STEP_SUMMARY"
      CODEHEALTH_STORE=postgresql://ci@db/codehealth codehealth portfolio --format json
      codehealth portfolio --html portfolio        # writes portfolio/index.html
    """
    from codehealth.portfolio.run import run_portfolio

    if folder is not None:
        return _page(store_url, since, folder)
    result = run_portfolio(store_url, since, time.time())
    if output_format == "json":
        from codehealth.portfolio.formats import render_portfolio_json

        write(render_portfolio_json(result, pretty=stdout_is_terminal()))
    elif output_format == "markdown":
        from codehealth.portfolio.formats import render_portfolio_markdown

        write(render_portfolio_markdown(result))
    else:
        from codehealth.portfolio.formats import render_portfolio

        write(render_portfolio(result, table_width()))
    return EXIT_OK


def _page(store_url: str | None, since: str, folder: str) -> int:
    from codehealth.adapters.files import page_path, write_page
    from codehealth.portfolio.html import render_portfolio_html
    from codehealth.portfolio.run import run_portfolio

    path = page_path(folder)  # an unwritable folder fails before the store is read
    now = time.time()
    size = write_page(path, render_portfolio_html(run_portfolio(store_url, since, now), now))
    write(f"wrote {path} ({size / 1_000_000:.1f} MB)\n")
    return EXIT_OK
