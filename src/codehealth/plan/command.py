"""``codehealth plan``."""

from __future__ import annotations

from dataclasses import dataclass

import click

from codehealth.adapters.console import (
    EXIT_OK,
    coverage_option,
    grouped,
    guarded,
    progress_bar,
    project_root,
    stdout_is_terminal,
    terminal_width,
    verbose_option,
    with_coverage_file,
    write,
)


@dataclass(frozen=True, slots=True)
class _Asked:
    """How much time there is: ``--budget``, sprints of the team's ``--capacity``, or a
    ``--refactorathon``."""

    budget: str | None
    capacity: str | None
    team: int | None
    sprint: str | None
    sprints: int | None
    refactorathon: bool


@click.command()
@click.option("--budget", metavar="TIME", help="Total time: 40h, 90m, 2.5d (8 h) or 1w (5 d).")
@click.option("--capacity", metavar="SHARE", help="Share of the team's time for debt: 10%.")
@click.option("--team", type=click.IntRange(min=1), help="People in the team.")
@click.option("--sprint", metavar="TIME", help="Sprint length: 2w, 10d.")
@click.option("--sprints", type=click.IntRange(min=1), help="Sprints to plan (default 1).")
@click.option("--refactorathon", is_flag=True, help="One day for the whole team (--team).")
@click.option("--since", "window", metavar="PERIOD", help='Window of changes: "12.months".')
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "markdown", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.option("--no-cache", is_flag=True, help="Measure every file again.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False))
@coverage_option
@verbose_option
@grouped("asked", ("budget", "capacity", "team", "sprint", "sprints", "refactorathon"), _Asked)
@guarded
def plan(
    asked: _Asked,
    window: str | None,
    output_format: str,
    no_cache: bool,
    config_file: str | None,
    coverage_file: str | None,
) -> int:
    """A refactor schedule that fits a time budget.

    \b
    Each target is a function (or a file) with debt that changed in the window:
    effort = its remediation minutes, payoff = changes x debt minutes. Targets are
    chosen by an exact 0/1 knapsack (efforts in whole minutes, rounded up) to give the
    most payoff within the budget, sprint by sprint; each says what to do (the
    rules it breaks and the refactoring for them) and who knows the code best.
    With coverage data, an untested complex function carries CH601's debt too.

    \b
    Examples:
      codehealth plan --budget 40h
      codehealth plan --capacity 10% --team 6 --sprint 2w --sprints 3
      codehealth plan --refactorathon --team 6 --format markdown > agenda.md
    """
    from codehealth.adapters.files import load_settings
    from codehealth.debt import DebtOptions
    from codehealth.hotspots import HotspotsOptions
    from codehealth.plan.run import read_budget, run_plan

    wanted = read_budget(
        asked.budget, asked.capacity, asked.team, asked.sprint, asked.sprints, asked.refactorathon
    )
    settings = with_coverage_file(load_settings(project_root(), config_file), coverage_file)
    measuring = DebtOptions(
        use_cache=not no_cache,
        settings=settings,
        progress=progress_bar("measuring", output_format != "table", 200),
    )
    result, notes = run_plan(wanted, settings.root, HotspotsOptions(measuring, window=window))
    from codehealth.plan.formats import (
        render_plan_csv,
        render_plan_json,
        render_plan_markdown,
        render_plan_rich,
        render_plan_text,
    )

    if output_format == "json":
        write(render_plan_json(result, notes, pretty=stdout_is_terminal()))
    elif output_format == "csv":
        write(render_plan_csv(result))
    elif output_format == "markdown":
        write(render_plan_markdown(result, notes))
    elif stdout_is_terminal():
        write(render_plan_rich(result, notes, terminal_width()))
    else:
        write(render_plan_text(result, notes))
    return EXIT_OK
