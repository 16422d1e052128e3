"""``codehealth hotspots``."""

from __future__ import annotations

import click

from codehealth.adapters.console import (
    EXIT_OK,
    config_option,
    coverage_option,
    guarded,
    progress_bar,
    project_root,
    stdout_is_terminal,
    table_width,
    verbose_option,
    with_coverage_file,
    write,
)


@click.command()
@click.option(
    "--since",
    "window",
    metavar="PERIOD",
    help='The window for change frequency: "12.months" (default, or [tool.codehealth.history] '
    'window), "6.weeks", "90.days", "2024-01-31" or "all".',
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Rows per table; 0 shows all. JSON always holds everything.",
)
@click.option("--no-cache", is_flag=True, help="Measure every file again.")
@config_option
@coverage_option
@verbose_option
@guarded
def hotspots(
    window: str | None,
    output_format: str,
    top: int,
    no_cache: bool,
    config_file: str | None,
    coverage_file: str | None,
) -> int:
    """Rank files, and the functions inside the worst, by how often they change against
    how complex they are and how much debt they carry; with change coupling, ownership,
    code age and the truck factor.

    \b
    One streamed `git log --numstat -M` over the history: renames are followed,
    .mailmap applies, merges are skipped, bots and non-source files (changelogs,
    lockfiles, AUTHORS) are left out (configurable in [tool.codehealth.history]).
    score = commits in the window / most commits x mean(cognitive / most, debt / most),
    x (1 - coverage / 2) with coverage data (a tested function weighs half an
    untested one); the hotspots (*) are cut where the ranked scores drop the most.

    \b
    A blob git cannot read costs only its line counts (a note names it and the fix);
    no commits, or a shallow clone shorter than the window, is exit 2.

    \b
    Examples:
      codehealth hotspots
      codehealth hotspots --since 6.months --top 10
      codehealth hotspots --format json > hotspots.json
    """
    from codehealth.adapters.files import load_settings
    from codehealth.debt import DebtOptions
    from codehealth.hotspots.run import HotspotsOptions, run_hotspots

    settings = with_coverage_file(load_settings(project_root(), config_file), coverage_file)
    measuring = DebtOptions(
        use_cache=not no_cache,
        settings=settings,
        progress=progress_bar("measuring", output_format != "table", 200),
    )
    mined = run_hotspots(settings.root, HotspotsOptions(measuring, window=window))
    if output_format == "json":
        from codehealth.hotspots.formats import render_hotspots_json

        write(render_hotspots_json(mined.report, pretty=stdout_is_terminal()))
    else:
        from codehealth.hotspots.formats import render_hotspots

        write(render_hotspots(mined.report, top, table_width()))
    return EXIT_OK
