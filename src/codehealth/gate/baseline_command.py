"""``codehealth baseline``: record today's findings, tighten the ratchet, check it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from codehealth.adapters.console import (
    EXIT_FOUND,
    EXIT_OK,
    config_option,
    guarded,
    project_root,
    write,
)

if TYPE_CHECKING:
    from codehealth.gate.baseline_run import BaselineRun


@click.command()
@click.option("--update", is_flag=True, help="Remove fixed findings; never adds any.")
@click.option(
    "--allow-new",
    is_flag=True,
    help="Also add today's new findings (accepting new debt: said loudly).",
)
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 when the baseline still lists fixed findings (CI).",
)
@click.option("--no-cache", is_flag=True, help="Analyse and lint every file again.")
@config_option
@guarded
def baseline(
    update: bool, allow_new: bool, check: bool, no_cache: bool, config_file: str | None
) -> int:
    """Record today's findings so that `codehealth gate` fails only on new ones.

    \b
    The baseline file ([tool.codehealth.gate] baseline, default .codehealth-baseline)
    lists one finding per line by fingerprint, sorted, so branches merge cleanly.

    \b
    Examples:
      codehealth baseline               create it
      codehealth baseline --update      remove the findings that were fixed
      codehealth baseline --allow-new   also add new findings (accepts new debt)
      codehealth baseline --check       CI: exit 1 if it lists fixed findings
    """
    from codehealth.adapters.files import load_settings
    from codehealth.gate.baseline_run import run_baseline

    root = project_root()
    done = run_baseline(
        root,
        update=update,
        allow_new=allow_new,
        check=check,
        settings=load_settings(root, config_file),
        use_cache=not no_cache,
    )
    _warn_incomplete(done)
    if done.created:
        write(f"created {done.path}: {len(done.added)} finding(s) recorded\n")
        return EXIT_OK
    lines = [f"  - {e.rule} {e.path} {e.symbol} {e.message}".rstrip() for e in done.removed]
    if check:
        return _checked(done, lines)
    _updated(done, lines)
    return EXIT_OK


def _warn_incomplete(done: BaselineRun) -> None:
    """On stderr: the findings that could not be computed, the files not analysed."""
    for problem in done.incomplete:
        click.echo(f"codehealth: warning: findings incomplete: {problem}", err=True)
    for entry in done.not_analysed:  # its baseline entries are kept as they were
        click.echo(f"codehealth: warning: not analysed: {entry.path}: {entry.reason}", err=True)


def _checked(done: BaselineRun, lines: list[str]) -> int:
    """``--check``: exit 1 when the baseline still lists fixed findings."""
    if done.removed:
        write(
            f"{done.path}: {len(done.removed)} finding(s) are fixed but still listed; "
            "run `codehealth baseline --update`:\n" + "\n".join(lines) + "\n"
        )
        return EXIT_FOUND
    write(f"{done.path}: up to date ({done.kept} finding(s))\n")
    return EXIT_OK


def _updated(done: BaselineRun, lines: list[str]) -> None:
    """What an update removed, added (said loudly: new debt accepted) and refused."""
    write(f"updated {done.path}: {len(done.removed)} fixed finding(s) removed\n")
    if lines:
        write("\n".join(lines) + "\n")
    if done.added:
        click.echo(
            f"codehealth: WARNING: --allow-new added {len(done.added)} NEW finding(s) to "
            "the baseline: this accepts new debt",
            err=True,
        )
        for e in done.added:
            click.echo(f"  + {e.rule} {e.path} {e.symbol} {e.message}".rstrip(), err=True)
    if done.refused:
        write(
            f"{done.refused} new finding(s) not added (fix them, or use --allow-new to "
            "accept them)\n"
        )
