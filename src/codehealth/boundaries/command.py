"""``codehealth boundaries``."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import click

from codehealth.adapters.console import (
    EXIT_FOUND,
    EXIT_OK,
    config_option,
    guarded,
    project_root,
    stdout_is_terminal,
    terminal_width,
    write,
)

if TYPE_CHECKING:
    from codehealth.core import BoundaryReport, Settings, Workspace


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "dot", "mermaid"]),
    default="table",
    show_default=True,
    help="table: rich on a terminal, plain text in a pipe. json: the whole report "
    "(schema in codehealth/boundaries/boundaries.schema.json). "
    "dot/mermaid: the module graph, violations and cycles in red.",
)
@click.option(
    "--modules",
    "show_modules",
    is_flag=True,
    help="Show the module report: "
    "coupling, instability, API size, inbound private imports, cycles, extraction, "
    "and the dependencies no import shows (Django's string references).",
)
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="List every violation in the table (by default the first 40, after a summary by "
    "module when there are more; JSON always holds all).",
)
@click.option("--no-cache", is_flag=True, help="Compute everything again; write no cache.")
@click.option(
    "--no-baseline",
    is_flag=True,
    help="Fail on every finding, also those the baseline file accepts "
    "(by default only findings not in the baseline fail).",
)
@config_option
@guarded
def boundaries(
    output_format: str,
    show_modules: bool,
    show_all: bool,
    no_cache: bool,
    no_baseline: bool,
    config_file: str | None,
) -> int:
    """Public-API violations, architecture contracts and cycles between modules.

    \b
    A module is each direct subpackage of each root package, each app of a
    Django project, or what [tool.codehealth.modules] declares; Django's string
    references (ForeignKey("app.Model"), get_model, include, settings paths) are
    edges of their own kind. A module's public API is what its __init__.py
    binds: exactly __all__ when defined, else the names without a leading
    underscore. Code outside a module may import the module and its public
    names, nothing else.

    \b
    CH301 private submodule    CH302 private name       CH303 unexported name
    CH304 undeclared dependency                         CH305 broken contract
    CH306 cycle between modules                         CH307 dynamic private import
    CH308 unused ignore        CH309 ignore without a reason

    \b
    Contracts: [tool.importlinter] / .importlinter / setup.cfg run unchanged (by
    import-linter itself), plus [[tool.codehealth.contracts]] with the same fields.
    Ignore one import with `# codehealth: ignore[CH301] because <reason>`.
    Once `codehealth baseline` has recorded today's findings, only findings not
    in the baseline make the exit code 1.

    \b
    Examples:
      codehealth boundaries
      codehealth boundaries --modules
      codehealth boundaries --format dot | dot -Tsvg > modules.svg
    """
    from codehealth.adapters.files import accepted_fingerprints, load_settings, load_workspace

    settings = load_settings(project_root(), config_file)
    accepted = None if no_baseline else accepted_fingerprints(settings)
    walk_memo = os.path.join(settings.root, settings.cache_dir) if not no_cache else None
    workspace = None if config_file else load_workspace(settings.root, walk_memo)
    if workspace is not None:
        return _workspace(
            workspace, output_format, (show_modules, show_all), not no_cache, accepted
        )
    code = _from_cache(settings, output_format, not no_cache, accepted)
    if code is not None:
        return code
    from codehealth.boundaries.run import run_boundaries

    report = run_boundaries(settings.root, settings=settings, use_cache=not no_cache)
    write(_rendered(report, output_format, show_modules, show_all))
    if accepted is None:
        return EXIT_FOUND if report.failed else EXIT_OK
    from codehealth.core import split_boundaries

    split = split_boundaries(report, settings, accepted)
    click.echo(f"codehealth: {split.note()}", err=True)
    return EXIT_FOUND if split.new else EXIT_OK


def _from_cache(
    settings: Settings, output_format: str, use_cache: bool, accepted: frozenset[str] | None
) -> int | None:
    """The exit code once the cached JSON report is written, when it can stand for the run
    (JSON into a pipe, no baseline: the cached report has no fingerprints to match); None
    when a run must make the report."""
    fast = accepted is None
    if fast and output_format == "json" and use_cache and not stdout_is_terminal():
        return _write_cached_json(settings)
    return None


def _workspace(
    workspace: Workspace,
    output_format: str,
    shown: tuple[bool, bool],
    use_cache: bool,
    accepted: frozenset[str] | None,
) -> int:
    """Every project of the repository, each with its own settings, grouped by project."""
    from codehealth.core import ConfigError

    if output_format in ("dot", "mermaid"):
        raise ConfigError(
            f"--format {output_format} draws one project's module graph, and this repository "
            f"holds {len(workspace.projects)} projects: run it in one project's folder"
        )
    from codehealth.boundaries.workspace import run_workspace_boundaries
    from codehealth.boundaries.workspace_formats import (
        render_workspace_json,
        render_workspace_text,
    )

    report = run_workspace_boundaries(workspace, use_cache=use_cache)
    if output_format == "json":
        write(render_workspace_json(report, pretty=stdout_is_terminal()))
    else:
        write(
            render_workspace_text(
                report, lambda one: _rendered(one, output_format, shown[0], shown[1])
            )
        )
    violations = [v for p in report.projects for v in p.report.violations]
    if accepted is None:
        return EXIT_FOUND if report.failed else EXIT_OK
    new = sum(v.finding.fingerprint not in accepted for v in violations)
    click.echo(
        f"codehealth: {new} new finding(s), {len(violations) - new} in the baseline", err=True
    )
    return EXIT_FOUND if new else EXIT_OK


def _write_cached_json(settings: Settings) -> int | None:
    """Writes the last report as it was printed and returns its exit code when nothing
    changed since; None otherwise."""
    from codehealth.boundaries.cached import cached_boundaries_json

    cached = cached_boundaries_json(settings.root, settings=settings)
    if cached is None:
        return None
    write(cached[0])
    return EXIT_FOUND if cached[1] else EXIT_OK


def _rendered(report: BoundaryReport, output_format: str, show_modules: bool, every: bool) -> str:
    """The report in ``output_format`` (json compact in a pipe, as the cache holds it)."""
    from codehealth.boundaries.cached import boundaries_json
    from codehealth.boundaries.formats import (
        render_boundaries_json,
    )
    from codehealth.boundaries.graph_formats import render_boundaries_dot, render_boundaries_mermaid

    if output_format == "json":
        if not stdout_is_terminal():
            return boundaries_json(report)
        return render_boundaries_json(report, pretty=True)
    graphs = {"dot": render_boundaries_dot, "mermaid": render_boundaries_mermaid}
    if output_format in graphs:
        return graphs[output_format](report)
    return _table(report, show_modules, every)


def _table(report: BoundaryReport, show_modules: bool, every: bool) -> str:
    from codehealth.boundaries.formats import (
        render_boundaries_rich,
        render_boundaries_text,
    )

    if stdout_is_terminal():
        return render_boundaries_rich(report, terminal_width(), show_modules, every)
    return render_boundaries_text(report, show_modules, every)
