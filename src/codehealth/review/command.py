"""``codehealth reviews``."""

from __future__ import annotations

import click

from codehealth.adapters.console import (
    EXIT_OK,
    config_option,
    guarded,
    project_root,
    stdout_is_terminal,
    table_width,
    verbose_option,
    write,
)


@click.command()
@click.option(
    "--window",
    metavar="PERIOD",
    help='The months shown: "12.months" (default, or [tool.codehealth.history] window), '
    '"6.weeks", "2024-01-31" or "all". Each month\'s hotspots are counted over the history '
    "window before it, whatever is shown.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
    help="table: rich on a terminal, plain text in a pipe. json: everything, with every "
    "change, its level and reasons. markdown: a summary for a step summary or a wiki.",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="Packages listed; 0 lists all. JSON always holds everything.",
)
@click.option(
    "--last",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Only the newest N changes of the window (0: all), e.g. to replay the last 100.",
)
@click.option("--no-cache", is_flag=True, help="Judge every change again.")
@config_option
@verbose_option
@guarded
def reviews(
    window: str | None,
    output_format: str,
    top: int,
    last: int,
    no_cache: bool,
    config_file: str | None,
) -> int:
    """The review habit, measured: per month, the main line's changes by review level,
    the share that needed a design review against the team's target, the changes that
    touched hotspots and the packages whose public API changed most.

    \b
    A change is a commit of HEAD's first-parent line; a merge is the pull request it
    merged (its diff against the first parent, one change). Bots' changes count too.
    Levels and targets: [tool.codehealth.review] (design_share, default 10 %).
    Reasons: size (above the gate's max_changed_lines/files), module (a new
    __init__.py), api (a package's exports gained or lost a name), dependency (an
    import between two modules no file made before; test code left out),
    complexity (a function's complexity rose as the gate reads a rise), hotspot
    (one of the review.hotspots production files changed by the most commits, at
    least three, in the history window before the month).
    Each change is judged once and cached in .codehealth/reviews.sqlite.

    \b
    A blob git cannot read costs only that change's reasons (a note says so); a
    shallow clone gives the changes it holds and a note; no commits is exit 2.

    \b
    Examples:
      codehealth reviews
      codehealth reviews --window 6.months --format markdown >> "$GITHUB_STEP_SUMMARY"
      codehealth reviews --format json > reviews.json
      codehealth reviews --window all --last 100
    """
    from codehealth.adapters.files import load_settings
    from codehealth.review.habit_run import ReviewsOptions, run_reviews

    settings = load_settings(project_root(), config_file)
    report = run_reviews(settings.root, settings, ReviewsOptions(window, not no_cache, last=last))
    if output_format == "json":
        from codehealth.review.habit_formats import render_reviews_json

        write(render_reviews_json(report, pretty=stdout_is_terminal()))
    elif output_format == "markdown":
        from codehealth.review.habit_formats import render_reviews_markdown

        write(render_reviews_markdown(report, top))
    else:
        from codehealth.review.habit_formats import render_reviews

        write(render_reviews(report, top, table_width()))
    return EXIT_OK
