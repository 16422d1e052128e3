"""The ``codehealth`` command group. Commands import their machinery only when they run."""

from __future__ import annotations

import sys

import click

from codehealth.boundaries import boundaries
from codehealth.debt import debt
from codehealth.gate import baseline, gate
from codehealth.history import history
from codehealth.hotspots import hotspots
from codehealth.init import init
from codehealth.plan import plan
from codehealth.report import report
from codehealth.rules import rules
from codehealth.scan import scan
from codehealth.version import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="codehealth")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def cli(debug: bool) -> None:
    """Code health for Python teams: complexity, boundaries, debt and a gate.

    \b
    Exit codes: 0 clean, 1 problems found, 2 usage or configuration error,
    3 internal error.

    \b
    Examples:
      codehealth init                   # set up [tool.codehealth] in pyproject.toml
      codehealth scan --check           # fail when a threshold is exceeded
      codehealth COMMAND --help         # each command with its examples
    """


cli.add_command(init)
cli.add_command(scan)
cli.add_command(boundaries)
cli.add_command(debt)
cli.add_command(rules)
cli.add_command(hotspots)
cli.add_command(plan)
cli.add_command(history)
cli.add_command(report)
cli.add_command(gate)
cli.add_command(baseline)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the command and return its exit code (only this exits)."""
    try:
        result = cli.main(args=argv, prog_name="codehealth", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.Abort:
        click.echo("codehealth: aborted", err=True)
        return 130
    except click.ClickException as error:
        error.show()
        return 2
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
