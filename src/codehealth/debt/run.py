"""The debt use case: scan + linters + markers -> priced findings -> the debt report.

The linters run as subprocesses in the background while the scan measures the files; only
files whose content (at that path) is not cached are linted, and their hits are cached per
content, tool version and tool configuration, so a warm run starts no linter at all.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from codehealth.adapters.cache import Cache
from codehealth.adapters.files import load_catalogue, load_settings
from codehealth.core import (
    Catalogue,
    Duplication,
    Finding,
    Hit,
    LintCost,
    Settings,
    error_text,
    is_test_path,
    is_test_rule,
    isolated,
    price_lint_hits,
    price_rule_hits,
)
from codehealth.debt.covered import debt_coverage
from codehealth.debt.lint_step import BackgroundLinters, content_key
from codehealth.debt.modules import module_names
from codehealth.debt.report import Basis, DebtOfTests, DebtReport, Remarks, build_report
from codehealth.findings import (
    MARKERS_VERSION,
    complexity_findings,
    crap_findings,
    duplication_findings,
    find_markers,
    finish_file,
)
from codehealth.metrics import (
    CoverageScope,
    Measured,
    Progress,
    ShapeSource,
    load_coverage,
    measure_project,
    package_names,
)
from codehealth.version import __version__


@dataclass(frozen=True, slots=True)
class DebtOptions:
    """How the debt is measured: from the caches or not, with which settings (else those
    of ``config_file``, else the project's), reporting progress, modules cut to
    ``module_depth`` parts of their names."""

    use_cache: bool = True
    settings: Settings | None = None
    config_file: str | None = None
    progress: Progress | None = None
    module_depth: int = 2

    def settings_at(self, root: str) -> Settings:
        """The settings given, else those of ``config_file``, else the project's at
        ``root``."""
        if self.settings is not None:
            return self.settings
        return load_settings(root, self.config_file)


def run_debt(
    paths: Sequence[str] = (),
    root: str = ".",
    options: DebtOptions | None = None,
    *,
    extra_findings: Sequence[Finding] = (),
    boundaries: bool = False,
) -> DebtReport:
    """The debt of the project at ``root`` (only ``paths`` in it, when given).

    ``extra_findings`` is the seam for other checks: a finding whose rule is in the
    catalogue is priced by it (with the team's overrides); findings on files that are not
    analysed here (excluded ones) are dropped like every other finding. ``boundaries``
    adds the findings of ``run_boundaries`` (public API, contracts, cycles); when that check
    fails the report is marked incomplete, like a failing linter.
    """
    found = measure_debt(paths, root, options, extra_findings=extra_findings, boundaries=boundaries)
    return found[0]


def measure_debt(
    paths: Sequence[str] = (),
    root: str = ".",
    options: DebtOptions | None = None,
    *,
    extra_findings: Sequence[Finding] = (),
    boundaries: bool = False,
) -> tuple[DebtReport, Measured]:
    """``run_debt``'s report and the measurements it was built from (hotspots and the
    HTML report use both: the files are measured once)."""
    options = options or DebtOptions()
    root = os.path.abspath(root)
    settings = options.settings_at(root)
    catalogue = load_catalogue(settings)
    cache_dir = os.path.join(root, settings.cache_dir) if options.use_cache else None
    incomplete: list[str] = []
    linters = BackgroundLinters(root, settings, cache_dir, incomplete)
    measured = measure_project(
        root,
        paths,
        settings,
        options.use_cache,
        options.progress,
        on_read=linters.start,
    )
    cache_notes: list[str] = []
    markers = _markers(measured.sources, cache_dir, cache_notes)
    lint_hits = linters.hits(cache_notes)
    analysed = {path: measured.sources[path] for path in measured.files}
    scope = CoverageScope(bool(paths), shapes=ShapeSource(cache_dir, measured.shapes))
    coverage, coverage_notes = load_coverage(root, settings, analysed, scope=scope)
    cache_notes.extend(coverage_notes)
    extra = list(extra_findings)
    priced = complexity_findings(measured.files.values(), settings.thresholds, catalogue)
    priced += crap_findings(measured.files.values(), coverage, catalogue)
    if boundaries:
        extra += _boundary_findings(root, settings, options.use_cache, incomplete)
    findings = _findings(measured, catalogue, lint_hits, markers, extra, priced)
    duplication = measured.duplication
    findings += _copies(duplication, measured, catalogue)
    families = {
        **{f.rule: "boundaries" for f in extra},
        **{rule.id: rule.family for rule in catalogue.rules},
    }
    tally = _Tallied(measured, settings, families, incomplete, cache_notes)
    report = _report(findings, tally, options.module_depth)
    total = sum(metrics.lines.total for metrics in measured.files.values())
    packages = package_names(measured.discovered, settings.roots)
    modules = module_names(set(measured.files), packages, options.module_depth)
    covered = debt_coverage(coverage, modules, measured.files)
    report = replace(report, duplication=duplication, total_lines=total, coverage=covered)
    return report, measured


def _copies(duplication: Duplication, measured: Measured, catalogue: Catalogue) -> list[Finding]:
    """The CH701 findings of the clone groups, located and fingerprinted file by file."""
    per_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in duplication_findings(duplication, catalogue):
        per_file[finding.path].append(finding)
    return [
        finding
        for path, found in per_file.items()
        for finding in finish_file(found, measured.files.get(path), measured.sources.get(path))
    ]


@dataclass(frozen=True, slots=True)
class _Tallied:
    """What the report is built from besides the findings."""

    measured: Measured
    settings: Settings
    families: dict[str, str]  # rule id -> family
    incomplete: list[str]
    cache_notes: list[str]


def _report(all_findings: list[Finding], tally: _Tallied, module_depth: int) -> DebtReport:
    """The debt report of the findings, the tests' complexity findings apart."""
    measured, settings = tally.measured, tally.settings
    findings, test_findings, test_lines = _test_debt(all_findings, measured, settings)
    packages = package_names(measured.discovered, settings.roots)
    analysed = set(measured.files)
    return build_report(
        findings,
        Basis(
            {path: metrics.lines.source for path, metrics in measured.files.items()},
            module_names(analysed | {f.path for f in findings}, packages, module_depth),
            tally.families,
            settings.debt.minutes_per_line,
        ),
        remarks=Remarks(
            incomplete=tally.incomplete,
            notes=[
                *measured.notes,
                *tally.cache_notes,
                *(f"not analysed: {n.path}: {n.reason}" for n in measured.not_analysed),
            ],
            not_analysed=measured.not_analysed,
        ),
        tests=DebtOfTests(test_findings, test_lines, settings.tests.in_debt),
    )


def _test_debt(
    findings: list[Finding], measured: Measured, settings: Settings
) -> tuple[list[Finding], list[Finding], int]:
    """(production debt, test debt, the tests' source lines): the complexity and length
    findings of tests are the test debt, unless ``[tool.codehealth.tests] in_debt`` counts
    them in."""
    lines = sum(
        metrics.lines.source
        for path, metrics in measured.files.items()
        if is_test_path(path, settings.tests)
    )
    if settings.tests.in_debt:
        return findings, [], lines
    production: list[Finding] = []
    tests: list[Finding] = []
    for finding in findings:
        judged = is_test_rule(finding.rule) and is_test_path(finding.path, settings.tests)
        (tests if judged else production).append(finding)
    return production, tests, lines


def _markers(
    sources: dict[str, bytes], cache_dir: str | None, notes: list[str]
) -> dict[str, list[Hit]]:
    """Marker hits per file, from the cache where the content is known."""
    keys = {path: content_key(content) for path, content in sources.items()}
    cache = (
        Cache(cache_dir, f"{__version__}/markers{MARKERS_VERSION}", filename="markers.sqlite")
        if cache_dir is not None
        else None
    )
    stored = cache.get_many(sorted(set(keys.values()))) if cache is not None else {}
    found: dict[str, list[Hit]] = {}
    fresh: list[tuple[str, str]] = []
    for path, key in keys.items():
        text = stored.get(key)
        if text is not None:
            try:
                found[path] = [Hit._make(row) for row in json.loads(text)]
                continue
            except (ValueError, TypeError):
                pass
        found[path] = find_markers(sources[path])
        if cache is not None:
            fresh.append((key, json.dumps(found[path], separators=(",", ":"))))
    if cache is not None:
        cache.put_many(fresh)
        cache.close()
        notes.extend(cache.notes)
    return found


def _findings(
    measured: Measured,
    catalogue: Catalogue,
    lint_hits: dict[str, dict[str, list[Hit]]],
    markers: dict[str, list[Hit]],
    extra: Sequence[Finding],
    priced: Sequence[Finding] = (),
) -> list[Finding]:
    """Every finding of the files; ``extra`` is priced here, ``priced`` (the complexity and
    coverage findings) already is."""
    known = set(measured.discovered)
    per_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in priced:
        per_file[finding.path].append(finding)
    memo: dict[tuple[str, str], LintCost] = {}
    for tool, by_path in lint_hits.items():
        for path, hits in by_path.items():
            if path in known:  # a finding on a file codehealth excludes is dropped
                per_file[path].extend(price_lint_hits(tool, path, hits, catalogue, memo))
    for path, hits in markers.items():
        per_file[path].extend(price_rule_hits(path, hits, catalogue))
    for finding in extra:
        if finding.path in known:
            per_file[finding.path].append(_priced(finding, catalogue))
    result: list[Finding] = []
    for path, findings in per_file.items():
        result.extend(finish_file(findings, measured.files.get(path), measured.sources.get(path)))
    return result


def _boundary_findings(
    root: str, settings: Settings, use_cache: bool, incomplete: list[str]
) -> list[Finding]:
    from codehealth.boundaries import run_boundaries

    report = isolated(
        lambda: run_boundaries(root, settings=settings, use_cache=use_cache),
        lambda error: incomplete.append(f"boundaries check failed: {error_text(error)}"),
    )
    return [violation.finding for violation in report.violations] if report else []


def _priced(finding: Finding, catalogue: Catalogue) -> Finding:
    rule = catalogue.rule(finding.rule)
    if rule is None:
        return finding
    return replace(finding, remediation_minutes=rule.cost(), severity=rule.severity)
