"""The ``codehealth`` command group (click's lazy-group pattern).

Each command lives in its feature package (``codehealth/<feature>/command.py``) and is imported
only when it runs: ``--version`` and ``--help`` load click and this file, nothing else, which
keeps a pre-commit hook's start-up short. To add a command, add its row to ``COMMANDS``.
"""

from __future__ import annotations

import importlib

import click

from codehealth.version import __version__

# name -> (module, function, the one-line help `codehealth --help` lists; equal to the
# command's own, which tests/unit/test_cli_group.py checks)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "baseline": (
        "codehealth.gate.baseline_command",
        "baseline",
        "Record today's findings so that `codehealth gate` fails only on new ones.",
    ),
    "boundaries": (
        "codehealth.boundaries.command",
        "boundaries",
        "Public-API violations, architecture contracts and cycles between modules.",
    ),
    "debt": (
        "codehealth.debt.command",
        "debt",
        "Technical debt in hours per module, file and project, with an A-E rating.",
    ),
    "gate": (
        "codehealth.gate.command",
        "gate",
        'Fail a change that leaves the code worse: "leave it cleaner".',
    ),
    "history": (
        "codehealth.history.command",
        "history",
        "Record metric totals for every commit of the main line (complexity, debt, findings by "
        "family, per module) in .codehealth/history.sqlite.",
    ),
    "hotspots": (
        "codehealth.hotspots.command",
        "hotspots",
        "Rank files, and the functions inside the worst, by how often they change against how "
        "complex they are and how much debt they carry; with change coupling, ownership, code "
        "age and the truck factor.",
    ),
    "init": (
        "codehealth.init.command",
        "init",
        "Write a [tool.codehealth] section into pyproject.toml and record the baseline.",
    ),
    "mcp": (
        "codehealth.agent.command",
        "mcp",
        "Serve codehealth's tools to a coding agent (MCP over stdio).",
    ),
    "portfolio": (
        "codehealth.portfolio.command",
        "portfolio",
        "Every repository of a shared history store in one table: debt, rating, trend, worst "
        "modules and hotspots.",
    ),
    "lsp": (
        "codehealth.lsp.command",
        "lsp",
        "A language server for editors, over stdin and stdout (needs `codehealth[lsp]`).",
    ),
    "plan": ("codehealth.plan.command", "plan", "A refactor schedule that fits a time budget."),
    "report": (
        "codehealth.report.command",
        "report",
        "Write one self-contained HTML report (opens offline, e.g. as a CI artifact).",
    ),
    "reviews": (
        "codehealth.review.command",
        "reviews",
        "The review habit, measured: per month, the main line's changes by review level, "
        "the share that needed a design review against the team's target, the changes that "
        "touched hotspots and the packages whose public API changed most.",
    ),
    "rules": (
        "codehealth.ruledocs.command",
        "rules",
        "The rule catalogue, or one rule's documentation (`codehealth rules CH101`).",
    ),
    "scan": (
        "codehealth.scanning.command",
        "scan",
        "Measure every function, class, file and package.",
    ),
}


class LazyGroup(click.Group):
    """A group whose commands are imported when looked up, and listed from ``COMMANDS``."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, function, _ = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(module), function)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [
            (name, click.Command(name, help=COMMANDS[name][2]).get_short_help_str(limit))
            for name in self.list_commands(ctx)
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
