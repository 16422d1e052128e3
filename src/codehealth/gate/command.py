"""``codehealth gate`` and ``codehealth baseline``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

import click

from codehealth.adapters.console import (
    EXIT_FOUND,
    EXIT_OK,
    config_option,
    grouped,
    guarded,
    project_root,
    write,
)

if TYPE_CHECKING:
    from codehealth.gate.baseline_run import BaselineRun
    from codehealth.gate.report import GateReport

_CI_FORMATS = ("github", "sarif", "gitlab", "junit")
_FORMATS = ["table", "markdown", "json", *_CI_FORMATS]


@dataclass(frozen=True, slots=True)
class _Skipped:
    """What ``--no-lint``, ``--no-boundaries`` and ``--no-cache`` leave out of the gate."""

    no_lint: bool
    no_boundaries: bool
    no_cache: bool


def _policy(strict: bool, require_improvement: bool) -> dict[str, object]:
    """The command line's choices over ``[tool.codehealth.gate]`` (``--strict``,
    ``--require-improvement``)."""
    policy: dict[str, object] = {"strictness": "strict"} if strict else {}
    if require_improvement:
        policy["require_improvement"] = True
    return policy


@click.command()
@click.option(
    "--base",
    "base_ref",
    metavar="REF",
    help="Compare the work tree with the merge base of REF and HEAD (a pull request).",
)
@click.option(
    "--staged",
    is_flag=True,
    help="Compare the staged content with HEAD (pre-commit); unstaged edits are ignored.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(_FORMATS),
    help="table (default; github when GITHUB_ACTIONS=true): plain text. markdown: a "
    "pull-request summary. json: everything. github: workflow-command annotations. "
    "sarif: SARIF 2.1.0. gitlab: GitLab Code Quality. junit: JUnit XML.",
)
@click.option("--no-lint", is_flag=True, help="Do not run ruff (complexity and markers only).")
@click.option(
    "--no-boundaries",
    is_flag=True,
    help="Do not compare boundary violations, contracts and cycles of the whole project.",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="With --base/--staged: analyse and lint every content again (results are cached "
    "per file content in .codehealth/gate.sqlite).",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Fail on every rise (any debt rise, any complexity rise above a threshold), hold "
    "tests to production limits and fail rule-specific suppressions "
    '([tool.codehealth.gate] strictness = "strict").',
)
@click.option(
    "--require-improvement",
    is_flag=True,
    help="Also fail a touched file that carries debt and pays none of it off "
    "([tool.codehealth.gate] require_improvement = true).",
)
@config_option
@grouped("skipped", ("no_lint", "no_boundaries", "no_cache"), _Skipped)
@grouped("policy", ("strict", "require_improvement"), _policy)
@guarded
def gate(
    base_ref: str | None,
    staged: bool,
    output_format: str | None,
    skipped: _Skipped,
    policy: dict[str, object],
    config_file: str | None,
) -> int:
    """Fail a change that leaves the code worse: "leave it cleaner".

    \b
    --base REF  the work tree against the merge base of REF and HEAD: fails on
                findings new in the touched files (by fingerprint, whatever the
                line), on a touched function already above its threshold whose
                complexity rises by [tool.codehealth.gate] complexity_step (3)
                or more, on a file whose findings grew by 15 minutes of debt and
                5 % or more, and on a file that stopped parsing. Tests' size and
                complexity findings, rule-specific suppressions (`# noqa: E402`)
                and smaller rises are shown as warnings (--strict fails them).
                Base contents are read from git objects (no checkout).
    --staged    the same for the index against HEAD (pre-commit).
    neither     every finding of the project against the baseline file
                (`codehealth baseline`): only findings not in it fail.

    \b
    Examples:
      codehealth gate --base origin/main
      codehealth gate --staged
      codehealth gate --base origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"
    """
    _refuse_bad_revisions(base_ref, staged)
    if base_ref is not None or staged:
        from codehealth.gate.run import GateRequest, run_gate_request

        request = GateRequest(
            project_root(),
            base_ref,
            staged=staged,
            config_file=config_file,
            lint=not skipped.no_lint,
            boundaries=not skipped.no_boundaries,
            use_cache=not skipped.no_cache,
            policy=policy,
        )
        report = run_gate_request(request)
    else:
        from codehealth.gate.baseline_run import run_gate_baseline

        report = run_gate_baseline(project_root(), config_file=config_file)
    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "table"
    # Only the github format may write workflow commands (its renderer escapes each value).
    write(_render(report, output_format), commands=output_format == "github")
    _step_summary(report)
    return EXIT_OK if report.passed else EXIT_FOUND


def _refuse_bad_revisions(base_ref: str | None, staged: bool) -> None:
    from codehealth.core import ConfigError

    if base_ref is not None and staged:
        raise ConfigError("--base and --staged exclude each other: choose one")
    if base_ref is not None and not base_ref.strip():
        raise ConfigError("--base needs a branch, tag or commit, e.g. --base origin/main")


def _render(report: GateReport, output_format: str) -> str:
    # The CI formats are imported only for a CI format: pre-commit prints the table.
    if output_format in _CI_FORMATS:
        from codehealth.gate.ci_formats import CI_FORMATS

        return CI_FORMATS[output_format](report)
    from codehealth.gate.formats import FORMATS

    return FORMATS[output_format](report)


def _step_summary(report: GateReport) -> None:
    """Append the markdown summary to ``$GITHUB_STEP_SUMMARY`` when it is set."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    from codehealth.gate.formats import render_gate_markdown

    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(render_gate_markdown(report))
    except OSError as error:
        click.echo(f"codehealth: warning: cannot write {path}: {error}", err=True)


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
