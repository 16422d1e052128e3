"""The baseline ratchet: record today's findings, remove fixed ones, gate on new ones.

The baseline file lives at the project root (``[tool.codehealth.gate] baseline``); its
format is ``codehealth.gate.baseline``'s. A file edited by hand into an invalid form is a
ConfigError naming the line (exit code 2).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from codehealth.adapters.files import baseline_path, load_settings, read_baseline, replace_file
from codehealth.core import (
    Baseline,
    ConfigError,
    Entry,
    Finding,
    NotAnalysed,
    Settings,
    fingerprint,
    format_baseline,
    split_by_baseline,
    update_baseline,
)
from codehealth.gate.report import (
    STALE_BASELINE,
    WARNING,
    GateReport,
    Problem,
    ordered_problems,
)
from codehealth.gate.signal import lenient_tests, new_finding


@dataclass(frozen=True, slots=True)
class BaselineRun:
    """What ``codehealth baseline`` did: ``written`` False in ``--check`` mode."""

    path: str
    created: bool
    written: bool
    kept: int
    removed: tuple[Entry, ...]
    added: tuple[Entry, ...]
    refused: int
    incomplete: tuple[str, ...]
    not_analysed: tuple[NotAnalysed, ...] = ()  # their entries kept, their findings unknown


def _paths(not_analysed: tuple[NotAnalysed, ...]) -> frozenset[str]:
    return frozenset(entry.path for entry in not_analysed)


def _findings(
    settings: Settings, use_cache: bool
) -> tuple[list[Finding], tuple[str, ...], tuple[NotAnalysed, ...]]:
    from codehealth.debt import DebtOptions, run_debt

    options = DebtOptions(use_cache=use_cache, settings=settings)
    report = run_debt((), settings.root, options, boundaries=True)
    return list(report.findings), report.incomplete, report.not_analysed


def run_baseline(
    folder: str = ".",
    *,
    update: bool = False,
    allow_new: bool = False,
    check: bool = False,
    settings: Settings | None = None,
    use_cache: bool = True,
) -> BaselineRun:
    """Create the baseline, or update it: fixed entries are removed; new findings are added
    only with ``allow_new``. ``check`` writes nothing (CI: is the baseline tight?).
    ``settings``: the project's at ``folder`` when not given."""
    if settings is None:
        settings = load_settings(folder)
    path = baseline_path(settings)
    existing = read_baseline(path)
    _refuse_unasked(path, existing, changes=update or allow_new or check, check=check)
    findings, incomplete, not_analysed = _findings(settings, use_cache)
    result = update_baseline(
        existing, findings, allow_new or existing is None, _paths(not_analysed)
    )
    written = not check
    if written:
        _write(path, result.entries)
    return BaselineRun(
        path,
        existing is None,
        written,
        len(result.entries) - len(result.added),
        result.removed,
        result.added,
        result.refused,
        incomplete,
        not_analysed,
    )


def _refuse_unasked(path: str, existing: Baseline | None, *, changes: bool, check: bool) -> None:
    """A ConfigError for an existing baseline that no option says to change, and for a
    missing one to check."""
    if existing is not None and not changes:
        raise ConfigError(
            f"{path} already exists: `codehealth baseline --update` removes fixed findings "
            "from it; `--allow-new` also adds today's new findings"
        )
    if existing is None and check:
        raise ConfigError(f"{path}: no baseline to check; create it with `codehealth baseline`")


def _write(path: str, entries: Iterable[Entry]) -> None:
    """The baseline file, sorted; a ConfigError when it cannot be written."""
    text = format_baseline(entries)
    try:
        replace_file(path, text, newline="\n")
    except OSError as error:
        raise ConfigError(f"{path}: cannot be written: {error}") from None


def run_gate_baseline(
    folder: str = ".",
    *,
    settings: Settings | None = None,
    config_file: str | None = None,
    use_cache: bool = True,
) -> GateReport:
    """Every finding of the project against the baseline: only those not in it fail."""
    if settings is None:
        settings = load_settings(folder, config_file)
    path = baseline_path(settings)
    baseline = read_baseline(path)
    if baseline is None:
        raise ConfigError(
            f"{path}: no baseline. Record today's findings with `codehealth baseline`, "
            "or compare with a branch: `codehealth gate --base origin/main`"
        )
    findings, incomplete, not_analysed = _findings(settings, use_cache)
    # A file that cannot be analysed today has unknown findings: compare none of them.
    new, accepted, gone = split_by_baseline(findings, baseline, _paths(not_analysed))
    policy = settings.gate
    problems = [new_finding(f, policy, lenient_tests(f.path, settings)) for f in new]
    problems += [
        Problem(
            Finding(
                STALE_BASELINE,
                entry.path,
                0,
                f"fixed, but still in the baseline: {entry.rule} {entry.message}".rstrip(),
                "info",
                symbol=entry.symbol,
                fix="run `codehealth baseline --update` to tighten the ratchet",
                fingerprint=fingerprint(STALE_BASELINE, entry.path, entry.fingerprint, "", 0),
            ),
            WARNING,
            "baseline",
        )
        for entry in gone
    ]
    notes = [f"{len(accepted)} finding(s) accepted by the baseline {settings.gate.baseline}"]
    notes += [f"findings incomplete: {problem}" for problem in incomplete]
    notes += [f"not analysed: {n.path}: {n.reason}" for n in not_analysed]
    return GateReport(
        "baseline",
        f"baseline {settings.gate.baseline}",
        "work tree",
        ordered_problems(problems),
        notes=tuple(notes),
    )
