"""``codehealth hotspots``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from codehealth.adapters.console import (
    EXIT_OK,
    config_option,
    coverage_option,
    grouped,
    guarded,
    progress_bar,
    project_root,
    stdout_is_terminal,
    table_width,
    verbose_option,
    with_coverage_file,
    write,
)

if TYPE_CHECKING:
    from codehealth.hotspots.offboard import Offboarding
    from codehealth.hotspots.report import HotspotsReport


@dataclass(frozen=True, slots=True)
class _Shown:
    """``--format`` and ``--top``: how the report is shown."""

    output_format: str
    top: int


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
    type=click.Choice(["table", "markdown", "json"]),
    default="table",
    show_default=True,
)
@click.option(
    "--offboard",
    "leavers",
    metavar="NAME",
    multiple=True,
    help="Knowledge at risk: the files and modules whose main author would leave with "
    "NAME (an author name or e-mail as git records it after .mailmap, any case; "
    "repeatable), hottest first, with who else knows them.",
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
@grouped("shown", ("output_format", "top"), _Shown)
def hotspots(
    window: str | None,
    shown: _Shown,
    leavers: tuple[str, ...],
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
    --offboard NAME: the files whose main author (most added lines over all of
    history, bots left out) is a leaver, by hotspot score, with the leavers' share of
    the added lines and the next experts ("no one else" when nobody else changed
    it); per module, the share of its source lines that loses its main author. A NAME
    that matches no author is exit 2 with the close names.

    \b
    A blob git cannot read costs only its line counts (a note names it and the fix);
    no commits, or a shallow clone shorter than the window, is exit 2.

    \b
    Examples:
      codehealth hotspots
      codehealth hotspots --since 6.months --top 10
      codehealth hotspots --format json > hotspots.json
      codehealth hotspots --offboard "Ann Example" --offboard bob@example.com
    """
    from codehealth.adapters.files import load_settings
    from codehealth.debt import DebtOptions
    from codehealth.hotspots.run import HotspotsOptions, run_hotspots

    settings = with_coverage_file(load_settings(project_root(), config_file), coverage_file)
    measuring = DebtOptions(
        use_cache=not no_cache,
        settings=settings,
        progress=progress_bar("measuring", shown.output_format != "table", 200),
    )
    mined = run_hotspots(settings.root, HotspotsOptions(measuring, window=window))
    if leavers:
        from codehealth.hotspots.offboard_step import offboard

        write(_offboard_text(offboard(mined, settings, leavers), shown))
    else:
        write(_report_text(mined.report, shown))
    return EXIT_OK


def _report_text(report: HotspotsReport, shown: _Shown) -> str:
    from codehealth.hotspots import formats

    renderers = (
        formats.render_hotspots_json,
        formats.render_hotspots_markdown,
        formats.render_hotspots,
    )
    return _rendered(report, shown, renderers)


def _offboard_text(result: Offboarding, shown: _Shown) -> str:
    from codehealth.hotspots import offboard_formats as formats

    renderers = (
        formats.render_offboard_json,
        formats.render_offboard_markdown,
        formats.render_offboard,
    )
    return _rendered(result, shown, renderers)


def _rendered(report: Any, shown: _Shown, renderers: tuple[Any, Any, Any]) -> str:
    """``report`` as ``shown`` asks: (json, markdown, table) renderers, in that order."""
    as_json, as_markdown, as_table = renderers
    if shown.output_format == "json":
        return str(as_json(report, pretty=stdout_is_terminal()))
    if shown.output_format == "markdown":
        return str(as_markdown(report, shown.top))
    return str(as_table(report, shown.top, table_width()))
