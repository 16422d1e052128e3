"""The scan use case: measure the project, then sum up packages and check the thresholds."""

from __future__ import annotations

import os
from collections.abc import Sequence

from codehealth.adapters.files import load_settings
from codehealth.core import Settings, is_test_path
from codehealth.metrics import (
    CoverageScope,
    Progress,
    ScanResult,
    ShapeSource,
    check_thresholds,
    load_coverage,
    measure_project,
    package_names,
    summarise_packages,
)


def run_scan(
    paths: Sequence[str] = (),
    root: str = ".",
    *,
    use_cache: bool = True,
    settings: Settings | None = None,
    config_file: str | None = None,
    progress: Progress | None = None,
) -> ScanResult:
    """Measure the project at ``root`` (only ``paths`` in it, when given), with its
    coverage data (``settings.coverage``, else the usual file) when it has some."""
    root = os.path.abspath(root)
    if settings is None:
        settings = load_settings(root, config_file)
    measured = measure_project(root, paths, settings, use_cache, progress)
    files = tuple(measured.files[path] for path in sorted(measured.files))
    sources = {path: measured.sources[path] for path in measured.files}
    cache_dir = os.path.join(root, settings.cache_dir) if use_cache else None
    shapes = ShapeSource(cache_dir, measured.shapes)
    scope = CoverageScope(partial=bool(paths), shapes=shapes)
    coverage, coverage_notes = load_coverage(root, settings, sources, scope=scope)
    return ScanResult(
        root=root,
        files=files,
        packages=summarise_packages(files, package_names(measured.discovered, settings.roots)),
        not_analysed=tuple(sorted(measured.not_analysed, key=lambda item: item.path)),
        violations=check_thresholds(files, settings.thresholds),
        thresholds=settings.thresholds,
        notes=(*measured.notes, *coverage_notes),
        tests=frozenset(f.path for f in files if is_test_path(f.path, settings.tests)),
        duplication=measured.duplication,
        coverage=coverage,
    )
