"""``codehealth debt``."""

from __future__ import annotations

from dataclasses import dataclass

import click

from codehealth.adapters.console import (
    EXIT_FOUND,
    EXIT_OK,
    Measuring,
    from_here,
    grouped,
    guarded,
    measuring_options,
    progress_bar,
    project_root,
    stdout_is_terminal,
    terminal_width,
    verbose_option,
    write,
)

_RATINGS = ("A", "B", "C", "D", "E")


@dataclass(frozen=True, slots=True)
class _Counted:
    """What the debt counts: modules cut to ``--depth`` parts, with the findings of
    ``--boundaries`` or not."""

    depth: int
    boundaries: bool


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
    help="table: rich on a terminal, plain text in a pipe. json: everything, with every "
    "finding and its fingerprint (schema in codehealth/debt/debt.schema.json). "
    "markdown: a summary for a pull request or a wiki.",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="Rows per table; 0 shows all. JSON output always holds everything.",
)
@click.option(
    "--depth",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Module = package name cut to this many parts (2: django.db, django.contrib).",
)
@click.option(
    "--max-rating",
    type=click.Choice(_RATINGS),
    help="Exit 1 when the project's rating is worse than this.",
)
@click.option(
    "--boundaries/--no-boundaries",
    default=True,
    show_default=True,
    help="Include the findings of `codehealth boundaries` (public API, contracts, cycles).",
)
@verbose_option
@grouped("counted", ("depth", "boundaries"), _Counted)
@measuring_options
@guarded
def debt(
    paths: tuple[str, ...],
    output_format: str,
    top: int,
    max_rating: str | None,
    counted: _Counted,
    measuring: Measuring,
) -> int:
    """Technical debt in hours per module, file and project, with an A-E rating.

    \b
    Every finding has a remediation cost in minutes (SQALE):
      lint        ruff (the project's own configuration, or codehealth's selection
                  when it has none) and flake8 with its plugins when the project
                  configures it; each code priced by the lint cost model
      complexity  CH101-CH107: measures beyond [tool.codehealth.thresholds];
                  cost = base + minutes per point over the threshold
      markers     CH201-CH208: TODO/FIXME/HACK/XXX, # noqa, # type: ignore,
                  # pragma: no cover (comments only)
      boundaries  CH3xx: the findings of `codehealth boundaries`
    debt ratio = remediation / (source lines x 30 min); rating A <= 5%, B <= 10%,
    C <= 20%, D <= 50%, E above. Costs: `codehealth rules`, [tool.codehealth.debt].

    \b
    Examples:
      codehealth debt                         # modules, files, what to fix first
      codehealth debt --format markdown >> "$GITHUB_STEP_SUMMARY"
      codehealth debt --max-rating B          # exit 1 when the rating is C or worse
    """
    from codehealth.adapters.files import load_settings
    from codehealth.debt.run import DebtOptions, run_debt

    settings = measuring.applied(load_settings(project_root(), measuring.config_file))
    options = DebtOptions(
        use_cache=not measuring.no_cache,
        settings=settings,
        progress=progress_bar("measuring", output_format != "table", 200),
        module_depth=counted.depth,
    )
    report = run_debt(from_here(paths), settings.root, options, boundaries=counted.boundaries)
    for problem in report.incomplete:
        click.echo(f"codehealth: warning: the debt report is incomplete: {problem}", err=True)
    if output_format == "json":
        from codehealth.debt.document import render_debt_json

        write(render_debt_json(report, pretty=stdout_is_terminal()))
    elif output_format == "markdown":
        from codehealth.debt.formats import render_debt_markdown

        write(render_debt_markdown(report, top))
    elif stdout_is_terminal():
        from codehealth.debt.formats import render_debt_rich

        write(render_debt_rich(report, top, terminal_width()))
    else:
        from codehealth.debt.formats import render_debt_text

        write(render_debt_text(report, top))
    if max_rating is not None and _RATINGS.index(report.project.rating) > _RATINGS.index(
        max_rating
    ):
        return EXIT_FOUND
    return EXIT_OK
