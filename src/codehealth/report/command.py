"""``codehealth report``."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import click

from codehealth.adapters.console import (
    EXIT_OK,
    grouped,
    guarded,
    progress_bar,
    project_root,
    verbose_option,
    write,
)


@click.command()
@click.option(
    "--html",
    "folder",
    required=True,
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Write the report to DIR/index.html (DIR is created).",
)
@click.option(
    "--budget",
    default="40h",
    show_default=True,
    metavar="TIME",
    help="Time budget of the refactor plan shown: 40h, 90m, 2.5d, 1w.",
)
@click.option("--since", "window", metavar="PERIOD", help='Window of changes: "12.months".')
@click.option(
    "--history-limit",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="With an empty history store: the trend starts N commits below HEAD.",
)
@click.option(
    "--store",
    "store_url",
    envvar="CODEHEALTH_STORE",
    metavar="URL",
    help="Draw the trend from (and record into) a shared PostgreSQL store, as "
    "`codehealth history --store` does; also CODEHEALTH_STORE.",
)
@click.option("--no-cache", is_flag=True, help="Measure every file again.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False))
@verbose_option
@guarded
@grouped("history", ("history_limit", "store_url"), lambda **given: given)
def report(
    folder: str,
    budget: str,
    window: str | None,
    history: dict[str, Any],
    no_cache: bool,
    config_file: str | None,
) -> int:
    """Write one self-contained HTML report (opens offline, e.g. as a CI artifact).

    \b
    It shows the debt, its rating and trend (from the git history), a hotspot
    chart (changes against complexity, sized by debt), debt by module, the worst
    functions (a sortable, filterable table), boundary violations and the module
    graph, and a refactor plan for --budget. The page is always written: a part
    that cannot be computed (outside git, no commits, a clone too shallow for the
    window, a history git cannot read) is left out and the page says why.
    Charts: Apache ECharts, embedded.

    \b
    Examples:
      codehealth report --html report            # writes report/index.html
      codehealth report --html out --budget 2w --since 6.months
      codehealth report --html out --store postgresql://ci@db.example/health
    """
    from codehealth.adapters.files import load_settings, page_path, write_page
    from codehealth.debt import DebtOptions
    from codehealth.hotspots import HotspotsOptions
    from codehealth.plan import read_budget
    from codehealth.report.html import render_report_html
    from codehealth.report.run import ReportOptions, run_report

    wanted = read_budget(budget, None, None, None, None, False)
    settings = load_settings(project_root(), config_file)
    if history["store_url"] is not None:
        store = history["store_url"]
        settings = replace(settings, history=replace(settings.history, store=store))
    path = page_path(folder)
    measuring = DebtOptions(
        use_cache=not no_cache, settings=settings, progress=progress_bar("measuring", False, 200)
    )
    options = ReportOptions(HotspotsOptions(measuring, window=window), history["history_limit"])
    facts = run_report(wanted, settings.root, options)
    size = write_page(path, render_report_html(facts))
    write(f"wrote {path} ({size / 1_000_000:.1f} MB)\n")
    return EXIT_OK
