"""``codehealth scan``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from codehealth.adapters.console import (
    EXIT_FOUND,
    EXIT_OK,
    Measuring,
    from_here,
    grouped,
    guarded,
    measuring_options,
    project_root,
    stdout_is_terminal,
    terminal_width,
    verbose_option,
    write,
)

if TYPE_CHECKING:
    from codehealth.core import Settings
    from codehealth.metrics import ScanResult

_SORT_KEYS = (
    "cognitive",
    "cyclomatic",
    "nesting",
    "parameters",
    "length",
    "maintainability",
    "name",
)


@dataclass(frozen=True, slots=True)
class _Checked:
    """``--check`` (exit 1 on a threshold violation) and ``--no-baseline`` (its findings
    fail too)."""

    check: bool
    no_baseline: bool


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: rich on a terminal, plain text in a pipe. json: the whole result "
    "(schema in codehealth/scanning/scan.schema.json).",
)
@click.option(
    "--sort",
    type=click.Choice(_SORT_KEYS),
    default="cognitive",
    show_default=True,
    help="Order of the function and file tables (worst first).",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Rows per table; 0 shows all. JSON output always holds everything.",
)
@click.option(
    "--check",
    is_flag=True,
    help="Exit 1 when any threshold is exceeded (by a finding the baseline does not accept).",
)
@click.option(
    "--no-baseline",
    is_flag=True,
    help="With --check: fail on every threshold violation, also those in the baseline.",
)
@verbose_option
@grouped("checked", ("check", "no_baseline"), _Checked)
@measuring_options
@guarded
def scan(
    paths: tuple[str, ...],
    output_format: str,
    sort: str,
    top: int,
    checked: _Checked,
    measuring: Measuring,
) -> int:
    """Measure every function, class, file and package.

    \b
    cyclomatic  radon's definition (equal to `radon cc`): +1 per if/elif, ternary,
                loop (+1 more with else), comprehension and its ifs, except handler,
                try-else, boolean operand after the first, match case (not `case _`)
                and assert. ruff/mccabe (C901) count differently: they add nested
                functions into their parent and do not count boolean operators.
    cognitive   SonarSource's definition as sonar-python computes it: if/for/while/
                except/ternary +1 plus nesting; elif/else +1; +1 per sequence of
                boolean operators and per change of operator; nested functions count
                in their parent; match, comprehensions and recursion add nothing.
    MI          radon's maintainability index formula (A > 19, B > 9, C below).

    \b
    Examples:
      codehealth scan                       # the whole project, worst first
      codehealth scan src/app --sort cyclomatic --top 10
      codehealth scan --format json > metrics.json
      codehealth scan --check               # exit 1 when a threshold is exceeded
    """
    from codehealth.adapters.files import load_settings
    from codehealth.scanning.run import run_scan

    settings = measuring.applied(load_settings(project_root(), measuring.config_file))
    result = run_scan(
        from_here(paths),
        settings.root,
        use_cache=not measuring.no_cache,
        settings=settings,
        progress=_ProgressBar() if output_format == "table" and _stderr_is_terminal() else None,
    )
    if output_format == "json":
        from codehealth.scanning.formats import render_scan_json

        write(render_scan_json(result, pretty=stdout_is_terminal()))
    elif stdout_is_terminal():
        from codehealth.scanning.formats import render_scan_rich

        write(render_scan_rich(result, sort, top, terminal_width()))
    else:
        from codehealth.scanning.formats import render_scan_text

        write(render_scan_text(result, sort, top))
    return _check(result, settings, checked.no_baseline) if checked.check else EXIT_OK


def _check(result: ScanResult, settings: Settings, no_baseline: bool) -> int:
    """``--check``: fail on a violation outside tests that the baseline does not accept."""
    from codehealth.adapters.files import accepted_fingerprints
    from codehealth.scanning.checked import checked_violations, split_thresholds

    checked = checked_violations(result, settings)
    if len(checked) < len(result.violations):
        click.echo(
            f"codehealth: {len(result.violations) - len(checked)} violation(s) in tests do not "
            "fail the check ([tool.codehealth.tests] gate = true counts them)",
            err=True,
        )
    accepted = None if no_baseline else accepted_fingerprints(settings)
    if not checked or accepted is None:
        return EXIT_FOUND if checked else EXIT_OK
    split = split_thresholds(result, settings, accepted)
    click.echo(f"codehealth: {split.note()}", err=True)
    return EXIT_FOUND if split.new else EXIT_OK


def _stderr_is_terminal() -> bool:
    import sys

    return sys.stderr.isatty()


class _ProgressBar:
    """A rich progress bar on stderr, started only when there is long work to show."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if total < 200:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("analysing", total=total)
        self.bar.update(self.task, completed=done)
        if done >= total:
            self.bar.stop()
