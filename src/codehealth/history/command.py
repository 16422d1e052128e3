"""``codehealth history`` and ``codehealth history show``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import click

from codehealth.adapters.console import (
    EXIT_OK,
    grouped,
    guarded,
    progress_bar,
    project_root,
    stdout_is_terminal,
    table_width,
    verbose_option,
    write,
)

_FORMAT = click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
_CONFIG = click.option("--config", "config_file", type=click.Path(dir_okay=False))


_STORE = click.option(
    "--store",
    "store_url",
    envvar="CODEHEALTH_STORE",
    metavar="URL",
    help="Record into a shared PostgreSQL store (postgresql://user@host/db; the password "
    "from libpq's PGPASSWORD or ~/.pgpass, never printed) instead of "
    ".codehealth/history.sqlite; one store holds many repositories, each by its remote. "
    "Also CODEHEALTH_STORE, or store in [tool.codehealth.history].",
)
_LIMIT = click.option(
    "--limit",
    type=click.IntRange(min=1),
    help="With an empty store: start from the tree N commits below HEAD (measured whole) "
    "instead of the first commit.",
)
_SHARD = click.option(
    "--shard",
    metavar="I/N",
    help="Job I of N recording one history at once (a CI matrix, with --store): each "
    "measures its share of the new blobs, shared through the store; the last to finish "
    "records the commits. Jobs may be killed and run again.",
)
_NO_BOUNDARIES = click.option(
    "--no-boundaries",
    is_flag=True,
    help="With --store: do not record the boundary summary of HEAD (violations, cycles, "
    "broken contracts: the portfolio's boundaries column), which runs `codehealth "
    "boundaries` on the work tree.",
)


@click.group(invoke_without_command=True)
@_FORMAT
@_CONFIG
@_LIMIT
@_STORE
@_SHARD
@_NO_BOUNDARIES
@click.pass_context
@grouped("store", ("store_url", "shard", "no_boundaries"), lambda **given: given)
def history(
    context: click.Context,
    output_format: str,
    config_file: str | None,
    limit: int | None,
    store: dict[str, Any],
) -> int:
    """Record metric totals for every commit of the main line (complexity, debt,
    findings by family, per module) in .codehealth/history.sqlite.

    \b
    Only the blobs each commit changed are measured, each blob once ever; a later
    run only processes the new commits (git log LAST..HEAD). With --store, the
    boundary summary of HEAD is recorded too when the work tree is at HEAD.

    \b
    Examples:
      codehealth history              # record, print a summary
      codehealth history show         # record, then the trend with small charts
      codehealth history show --format json
      codehealth history --store "$STORE" --shard 2/4   # job 2 of a 4-job matrix
    """
    if context.invoked_subcommand is not None:
        return EXIT_OK
    return _record_and_write(output_format, config_file, (5, limit), store)


@history.command()
@_FORMAT
@_CONFIG
@_LIMIT
@_STORE
@click.option(
    "--last",
    type=click.IntRange(min=0),
    default=15,
    show_default=True,
    help="Commits in the table (0: all).",
)
@_NO_BOUNDARIES
@grouped("store", ("store_url", "no_boundaries"), lambda **given: given)
def show(
    output_format: str, config_file: str | None, limit: int | None, store: dict[str, Any], last: int
) -> int:
    """Record what is new, then show the trend of each measure with a small chart.

    \b
    Examples:
      codehealth history show                 # the last 15 commits
      codehealth history show --last 0        # every recorded commit
      codehealth history show --format json
    """
    return _record_and_write(output_format, config_file, (last, limit), store)


def _warn_password_in_file(url: str, config_file: str | None) -> None:
    """A config file is committed to git: a password in it is everyone's."""
    from codehealth.core.store_url import masked
    from codehealth.metrics import log

    if url and masked(url) != url:
        log.warning(
            "%s holds the store URL with its password (%s): config files are committed to "
            "git; keep the password in PGPASSWORD, ~/.pgpass or a CI secret",
            config_file or "pyproject.toml",
            masked(url),
        )


@verbose_option
@guarded
def _record_and_write(
    output_format: str,
    config_file: str | None,
    counts: tuple[int, int | None],
    store: Mapping[str, Any],
) -> int:
    """``counts``: the commits shown and the --limit; ``store``: --store, --shard (history
    only) and --no-boundaries."""
    last, limit = counts
    from codehealth.adapters.files import load_settings
    from codehealth.history.run import run_history
    from codehealth.history.shards import ONE_JOB, parse_shard

    shard, store_url = store.get("shard"), store["store_url"]
    job = parse_shard(shard) if shard is not None else ONE_JOB

    settings = load_settings(project_root(), config_file)
    bar = progress_bar("measuring blobs", output_format != "table", 100)
    if store_url is not None:  # the command line (or CODEHEALTH_STORE) over the file
        settings = replace(settings, history=replace(settings.history, store=store_url))
    else:
        _warn_password_in_file(settings.history.store, settings.config_file)
    if store["no_boundaries"]:
        settings = replace(settings, history=replace(settings.history, boundaries=False))
    result = run_history(settings.root, settings=settings, progress=bar, limit=limit, shard=job)
    if bar is not None:
        bar.close()
    from codehealth.history.formats import render_history, render_history_json

    if output_format == "json":
        write(render_history_json(result, pretty=stdout_is_terminal()))
    else:
        write(render_history(result, last, table_width()))
    return EXIT_OK
