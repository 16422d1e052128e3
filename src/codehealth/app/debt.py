"""The debt use case: scan + linters + markers -> priced findings -> the debt report.

The linters run as subprocesses in the background while the scan measures the files; only
files whose content (at that path) is not cached are linted, and their hits are cached per
content, tool version and tool configuration, so a warm run starts no linter at all.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from codehealth.app.scan import Measured, Progress, measure_project
from codehealth.catalogue import Catalogue, LintCost, apply_overrides, parse_catalogue
from codehealth.config import ConfigError, Settings, is_test_path, is_test_rule, load_settings
from codehealth.debt import (
    MARKERS_VERSION,
    DebtReport,
    Hit,
    build_report,
    complexity_findings,
    find_markers,
    finish_file,
    module_names,
    price_lint_hits,
    price_rule_hits,
)
from codehealth.lint import (
    LintResult,
    LintTool,
    LintUnavailable,
    Pending,
    prepare_flake8,
    prepare_ruff,
)
from codehealth.metrics import package_names
from codehealth.model import Finding
from codehealth.sources import Cache, catalogue_texts, read_file
from codehealth.version import __version__


def load_catalogue(settings: Settings | None = None) -> Catalogue:
    """The rule catalogue with the team's cost overrides; an unknown rule id is exit 2."""
    catalogue = parse_catalogue(catalogue_texts())
    if settings is None:
        return catalogue
    catalogue, unknown = apply_overrides(
        catalogue, dict(settings.debt.costs), dict(settings.debt.minutes_per_point)
    )
    if unknown:
        where = settings.config_file or "pyproject.toml"
        raise ConfigError(
            f"{where}: [tool.codehealth.debt] {unknown[0]}: no such rule "
            "(`codehealth rules` lists them; minutes_per_point takes rule ids only)"
        )
    return catalogue


def run_debt(
    paths: Sequence[str] = (),
    root: str = ".",
    *,
    use_cache: bool = True,
    settings: Settings | None = None,
    config_file: str | None = None,
    progress: Progress | None = None,
    module_depth: int = 2,
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
    return debt_and_measured(
        paths,
        root,
        use_cache=use_cache,
        settings=settings,
        config_file=config_file,
        progress=progress,
        module_depth=module_depth,
        extra_findings=extra_findings,
        boundaries=boundaries,
    )[0]


def debt_and_measured(
    paths: Sequence[str] = (),
    root: str = ".",
    *,
    use_cache: bool = True,
    settings: Settings | None = None,
    config_file: str | None = None,
    progress: Progress | None = None,
    module_depth: int = 2,
    extra_findings: Sequence[Finding] = (),
    boundaries: bool = False,
) -> tuple[DebtReport, Measured]:
    """``run_debt``'s report and the measurements it was built from (hotspots and the
    HTML report use both: the files are measured once)."""
    root = os.path.abspath(root)
    if settings is None:
        settings = load_settings(root, config_file)
    catalogue = load_catalogue(settings)
    cache_dir = os.path.join(root, settings.cache_dir) if use_cache else None
    incomplete: list[str] = []
    linters: list[_Linter] = []

    def start_linters(sources: dict[str, bytes]) -> None:
        """Called once the files are read: the linters run while the scan measures them."""
        folders = {path.rpartition("/")[0] for path in sources}
        for tool in _tools(root, settings, folders, incomplete):
            linters.append(_start(tool, root, sources, cache_dir))

    measured = measure_project(root, paths, settings, use_cache, progress, on_read=start_linters)
    cache_notes: list[str] = []
    markers = _markers(measured.sources, cache_dir, cache_notes)
    lint_hits: dict[str, dict[str, list[Hit]]] = {}
    for linter in linters:
        result = linter.finish(cache_notes, incomplete)
        if result.config_error:
            raise ConfigError(
                f"{result.tool} rejected the project's configuration:\n{result.config_error}"
            )
        if result.problem:
            incomplete.append(result.problem)
        else:
            lint_hits[result.tool] = result.hits
    extra = list(extra_findings)
    if boundaries:
        extra += _boundary_findings(root, settings, use_cache, incomplete)
    findings, test_findings, test_lines = _test_debt(
        _findings(measured, settings, catalogue, lint_hits, markers, extra), measured, settings
    )
    packages = package_names(measured.discovered, settings.roots)
    analysed = set(measured.files)
    report = build_report(
        findings,
        {path: metrics.lines.source for path, metrics in measured.files.items()},
        module_names(analysed | {f.path for f in findings}, packages, module_depth),
        {
            **{f.rule: "boundaries" for f in extra},
            **{rule.id: rule.family for rule in catalogue.rules},
        },
        settings.debt.minutes_per_line,
        incomplete=incomplete,
        notes=[
            *measured.notes,
            *cache_notes,
            *(f"not analysed: {n.path}: {n.reason}" for n in measured.not_analysed),
        ],
        not_analysed=measured.not_analysed,
        test_findings=test_findings,
        test_lines=test_lines,
        tests_counted=settings.tests.in_debt,
    )
    return report, measured


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


def _tools(
    root: str, settings: Settings, folders: set[str], incomplete: list[str]
) -> list[LintTool]:
    tools: list[LintTool] = []
    if settings.debt.ruff != "off":
        try:
            tools.append(prepare_ruff(root, settings.debt.ruff, folders))
        except LintUnavailable as error:
            incomplete.append(str(error))
    try:
        flake8 = prepare_flake8(root, settings.debt.flake8)
    except LintUnavailable as error:
        incomplete.append(str(error))
    else:
        if flake8 is not None:
            tools.append(flake8)
    return tools


def _content_key(*parts: bytes) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part)
        hasher.update(b"\0")
    return hasher.hexdigest()


@dataclass
class _Linter:
    """One linter's run: cached hits, and the subprocess linting the rest."""

    tool: LintTool
    cached: dict[str, list[Hit]]
    pending: Pending | None
    cache: Cache | None
    keys: dict[str, str]
    root: str = "."
    sources: dict[str, bytes] | None = None  # the contents the scan measured

    def finish(self, notes: list[str], incomplete: list[str]) -> LintResult:
        if self.pending is None:
            result = LintResult(self.tool.name, {})
        else:
            result = self.pending.wait()
            failed = bool(result.problem or result.config_error)
            result = result if failed else self._same_contents(result, incomplete)
        self._store(result, notes)
        if result.problem or result.config_error:
            return result
        return LintResult(self.tool.name, {**self.cached, **result.hits})

    def _store(self, result: LintResult, notes: list[str]) -> None:
        """Cache the fresh hits (none when the tool failed) under each file's content key."""
        if self.cache is None:
            return
        if not (result.problem or result.config_error):
            self.cache.put_many(
                (self.keys[path], json.dumps(hits, separators=(",", ":")))
                for path, hits in result.hits.items()
                if path in self.keys
            )
        self.cache.close()
        notes.extend(self.cache.notes)

    def _same_contents(self, result: LintResult, incomplete: list[str]) -> LintResult:
        """The linter read the files itself, after the scan did: a file edited (or removed)
        in between got hits for other lines. Those are left out, and not cached under the
        content the scan read; the report says to run again."""
        sources = self.sources or {}
        changed = set()
        for path in result.hits:
            try:
                now: bytes | None = read_file(os.path.join(self.root, path))
            except OSError:
                now = None
            if path in sources and now != sources[path]:
                changed.add(path)
        incomplete.extend(
            f"{path} changed while it was analysed: its {self.tool.name} findings are left "
            "out; run again"
            for path in sorted(changed)
        )
        kept = {path: hits for path, hits in result.hits.items() if path not in changed}
        return LintResult(result.tool, kept, result.problem, result.config_error)


def _start(tool: LintTool, root: str, sources: dict[str, bytes], cache_dir: str | None) -> _Linter:
    keys = {
        path: _content_key(path.encode("utf-8", "surrogateescape"), content)
        for path, content in sources.items()
    }
    cache = None
    cached: dict[str, list[Hit]] = {}
    if cache_dir is not None:
        cache = Cache(cache_dir, f"{__version__}/{tool.salt}", filename=f"lint-{tool.name}.sqlite")
        stored = cache.get_many(sorted(set(keys.values())))
        for path, key in keys.items():
            text = stored.get(key)
            if text is not None:
                try:
                    cached[path] = [Hit._make(row) for row in json.loads(text)]
                except (ValueError, TypeError):
                    continue  # a damaged entry: lint the file again
    todo = sorted(path for path in sources if path not in cached)
    pending = Pending(tool, root, todo) if todo else None
    return _Linter(tool, cached, pending, cache, keys, root, sources)


def _markers(
    sources: dict[str, bytes], cache_dir: str | None, notes: list[str]
) -> dict[str, list[Hit]]:
    """Marker hits per file, from the cache where the content is known."""
    keys = {path: _content_key(content) for path, content in sources.items()}
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
    settings: Settings,
    catalogue: Catalogue,
    lint_hits: dict[str, dict[str, list[Hit]]],
    markers: dict[str, list[Hit]],
    extra: Sequence[Finding],
) -> list[Finding]:
    known = set(measured.discovered)
    per_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in complexity_findings(measured.files.values(), settings.thresholds, catalogue):
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
    from codehealth.app.boundaries import run_boundaries

    try:
        report = run_boundaries(root, settings=settings, use_cache=use_cache)
    except ConfigError:
        raise
    except Exception as error:  # noqa: BLE001 - the rest of the report stands without it
        incomplete.append(f"boundaries check failed: {type(error).__name__}: {error}")
        return []
    return [violation.finding for violation in report.violations]


def _priced(finding: Finding, catalogue: Catalogue) -> Finding:
    rule = catalogue.rule(finding.rule)
    if rule is None:
        return finding
    return replace(finding, remediation_minutes=rule.cost(), severity=rule.severity)
