"""``codehealth init``."""

from __future__ import annotations

import click

from codehealth.adapters.console import EXIT_OK, guarded, project_root, write


@click.command()
@click.option(
    "--force",
    is_flag=True,
    help="Measure again and overwrite the roots and thresholds of an existing section "
    "(thresholds stricter than the defaults stay).",
)
@guarded
def init(force: bool) -> int:
    """Write a [tool.codehealth] section into pyproject.toml and record the baseline.

    Detects the roots (src layout or not) and the root packages, records today's
    findings in the baseline and sets the thresholds to the defaults (stricter ones
    already configured stay), so only new findings fail and new code is held to the
    defaults. Without `codehealth baseline` each threshold is the default or today's
    worst value instead. Adds the debt cost model defaults and prints the snippets
    for the pre-commit hook and a CI step. The rest of pyproject.toml is kept byte
    for byte (created when missing).

    Warns, with the fix, when git ignores the baseline file, when the project's
    requires-python is newer than this Python (naming the files that did not
    parse), and when most imports between modules reach into modules that declare
    no API (then it writes, commented out, the [tool.codehealth.modules] entries
    that hold them to today's imports).

    \b
    Examples:
      codehealth init            # once, at the root of the repository
      codehealth init --force    # measure again, overwrite the thresholds
    """
    from codehealth.init.formats import render_init_text
    from codehealth.init.run import run_init

    root = click.get_current_context().find_root()
    group = root.command
    has_baseline = (
        isinstance(group, click.Group) and group.get_command(root, "baseline") is not None
    )
    run = run_init(project_root(), force=force, record_baseline=has_baseline)
    text = render_init_text(run)
    if not has_baseline:
        text = "baseline: skipped (`codehealth baseline` is not available)\n" + text
    write(text)
    for warning in run.warnings:  # on stderr, as every command's warnings
        click.echo(f"codehealth: warning: {warning}", err=True)
    return EXIT_OK
