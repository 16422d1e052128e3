"""``codehealth gate``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

import click

from codehealth.adapters.console import (
    EXIT_FOUND,
    EXIT_OK,
    config_option,
    coverage_option,
    grouped,
    guarded,
    project_root,
    write,
)

if TYPE_CHECKING:
    from codehealth.gate.outputs import Output
    from codehealth.gate.report import GateReport

_CI_FORMATS = ("github", "sarif", "gitlab", "junit")
_FORMATS = ["table", "markdown", "json", *_CI_FORMATS]


@dataclass(frozen=True, slots=True)
class _Skipped:
    """What ``--no-lint``, ``--no-boundaries``, ``--no-cache`` and ``--no-review`` leave out
    of the gate."""

    no_lint: bool
    no_boundaries: bool
    no_cache: bool
    no_review: bool = False


def _policy(strict: bool, require_improvement: bool) -> dict[str, object]:
    """The command line's choices over ``[tool.codehealth.gate]`` (``--strict``,
    ``--require-improvement``)."""
    policy: dict[str, object] = {"strictness": "strict"} if strict else {}
    if require_improvement:
        policy["require_improvement"] = True
    return policy


@dataclass(frozen=True, slots=True)
class _Reports:
    """``--format`` (the terminal's report) and ``--output FORMAT=PATH`` (files)."""

    output_format: str | None
    outputs: tuple[str, ...]

    @property
    def terminal(self) -> str:
        if self.output_format is not None:
            return self.output_format
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "table"


@dataclass(frozen=True, slots=True)
class _Files:
    """``--config``, ``--coverage`` and ``--base-coverage``; the coverage files as absolute
    paths (they are given from the working folder)."""

    config_file: str | None
    coverage_file: str | None
    base_coverage_file: str | None

    @property
    def coverage(self) -> tuple[str | None, str | None]:
        head, base = self.coverage_file, self.base_coverage_file
        return (os.path.abspath(head) if head else None, os.path.abspath(base) if base else None)


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
@click.option(
    "--output",
    "outputs",
    metavar="FORMAT=PATH",
    multiple=True,
    help="Also write the report in FORMAT (one of --format's) to the file PATH, from the "
    "same analysis; repeatable, e.g. --output sarif=report.sarif --output "
    "junit=junit.xml. The folder must exist. github to a file is plain text.",
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
    "--no-review",
    is_flag=True,
    help="Leave out the review guidance (touched hotspots, missing co-changes, suggested "
    "reviewers, the recommended review level; [tool.codehealth.review]).",
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
@coverage_option
@click.option(
    "--base-coverage",
    "base_coverage_file",
    type=click.Path(dir_okay=False),
    help="The base's coverage data (e.g. the main branch's CI artifact): a touched function "
    "whose coverage fell fails (CH509).",
)
@config_option
@grouped("files", ("config_file", "coverage_file", "base_coverage_file"), _Files)
@grouped("skipped", ("no_lint", "no_boundaries", "no_cache", "no_review"), _Skipped)
@grouped("policy", ("strict", "require_improvement"), _policy)
@grouped("reports", ("output_format", "outputs"), _Reports)
@guarded
def gate(
    base_ref: str | None,
    staged: bool,
    reports: _Reports,
    skipped: _Skipped,
    policy: dict[str, object],
    files: _Files,
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
                New copies of code found elsewhere fail above max_new_duplication
                (3 % of the added lines); with coverage data the summary names the
                changed lines the tests did not run (min_changed_coverage fails).
                Base contents are read from git objects (no checkout). The report
                ends with review guidance: the hotspots touched, files that usually
                change with the touched ones but not here, suggested reviewers and a
                review level (fails only with [tool.codehealth.review] fail_at).
    --staged    the same for the index against HEAD (pre-commit).
    neither     every finding of the project against the baseline file
                (`codehealth baseline`): only findings not in it fail.

    \b
    Examples:
      codehealth gate --base origin/main
      codehealth gate --staged
      codehealth gate --base origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"
      codehealth gate --base origin/main --output sarif=report.sarif \\
          --output junit=junit.xml

    \b
    With GITHUB_STEP_SUMMARY set, the markdown summary is appended to that file
    (unless an --output markdown= already writes it).
    """
    _refuse_bad_revisions(base_ref, staged)
    outputs = _checked_outputs(reports.outputs)  # a typo fails before the analysis
    if base_ref is not None or staged:
        from codehealth.gate.coverage_step import CoverageFiles
        from codehealth.gate.run import GateRequest, run_gate_request

        request = GateRequest(
            project_root(),
            base_ref,
            staged=staged,
            config_file=files.config_file,
            lint=not skipped.no_lint,
            boundaries=not skipped.no_boundaries,
            use_cache=not skipped.no_cache,
            policy=policy,
            coverage=CoverageFiles(*files.coverage),
            review=not skipped.no_review,
        )
        report = run_gate_request(request)
    else:
        from codehealth.gate.baseline_run import run_gate_baseline

        report = run_gate_baseline(project_root(), config_file=files.config_file)
    _write_reports(report, reports.terminal, outputs)
    return EXIT_OK if report.passed else EXIT_FOUND


def _refuse_bad_revisions(base_ref: str | None, staged: bool) -> None:
    from codehealth.core import ConfigError

    if base_ref is not None and staged:
        raise ConfigError("--base and --staged exclude each other: choose one")
    if base_ref is not None and not base_ref.strip():
        raise ConfigError("--base needs a branch, tag or commit, e.g. --base origin/main")


def _checked_outputs(values: tuple[str, ...]) -> tuple[Output, ...]:
    if not values:
        return ()  # pre-commit's gate imports nothing for it
    from codehealth.adapters.files import output_path
    from codehealth.gate.outputs import check_outputs

    return check_outputs(values, _FORMATS, output_path)


def _write_reports(report: GateReport, terminal: str, outputs: tuple[Output, ...]) -> None:
    """The terminal's report, each ``--output`` file and the step summary, each format
    rendered once."""
    texts: dict[str, str] = {}

    def text(output_format: str) -> str:
        if output_format not in texts:
            texts[output_format] = _render(report, output_format)
        return texts[output_format]

    # Only the github format may write workflow commands (its renderer escapes each value);
    # in a file it is plain text, nothing reads it as commands.
    write(text(terminal), commands=terminal == "github")
    if outputs:
        from codehealth.adapters.files import write_page

        for output in outputs:
            write_page(output.absolute, text(output.output_format))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary and not _written_to(outputs, summary):
        _step_summary(summary, text("markdown"))


def _written_to(outputs: tuple[Output, ...], path: str) -> bool:
    from codehealth.gate.outputs import written_to

    return bool(outputs) and written_to(outputs, os.path.realpath(path))


def _render(report: GateReport, output_format: str) -> str:
    # The CI formats are imported only for a CI format: pre-commit prints the table.
    if output_format in _CI_FORMATS:
        from codehealth.gate.ci_formats import CI_FORMATS

        return CI_FORMATS[output_format](report)
    from codehealth.gate.formats import FORMATS

    return FORMATS[output_format](report)


def _step_summary(path: str, markdown: str) -> None:
    """Append the markdown summary to ``$GITHUB_STEP_SUMMARY`` (the runner's file for the
    step: appended to, as other steps' tools may write it too)."""
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(markdown)
    except OSError as error:
        click.echo(f"codehealth: warning: cannot write {path}: {error}", err=True)
