"""Pure aggregation: packages from files, and threshold checks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from codehealth.core import FileMetrics, LineCounts, PackageMetrics, Thresholds, ThresholdViolation


def package_names(paths: Iterable[str], roots: Sequence[str]) -> dict[str, str]:
    """Folder -> dotted package name, for every folder that holds an ``__init__.py``.

    The name is relative to the longest source root that contains the folder.
    """
    ordered_roots = sorted((r.strip("/") for r in roots), key=len, reverse=True)
    names: dict[str, str] = {}
    for path in paths:
        if not (path == "__init__.py" or path.endswith("/__init__.py")):
            continue
        folder = path.rpartition("/")[0]
        if not folder:
            continue
        for root in ordered_roots:
            if root in ("", "."):
                names[folder] = folder.replace("/", ".")
                break
            if folder.startswith(root + "/"):
                names[folder] = folder[len(root) + 1 :].replace("/", ".")
                break
    return names


def summarise_packages(
    files: Sequence[FileMetrics], packages: dict[str, str]
) -> tuple[PackageMetrics, ...]:
    """Each package summed over every file beneath it (its subpackages included)."""
    members: dict[str, list[FileMetrics]] = {folder: [] for folder in packages}
    for metrics in files:
        folder = metrics.path.rpartition("/")[0]
        while folder:
            if folder in members:
                members[folder].append(metrics)
            folder = folder.rpartition("/")[0]
    return tuple(_package(packages[folder], folder, members[folder]) for folder in sorted(members))


def _package(name: str, folder: str, files: list[FileMetrics]) -> PackageMetrics:
    lines = sum_lines(f.lines for f in files)
    functions = [fn for f in files for fn in f.functions if not fn.is_nested]
    worst = max(functions, key=lambda fn: fn.cognitive, default=None)
    maintainability = _maintainability(files)
    return PackageMetrics(
        name=name,
        path=folder,
        files=len(files),
        functions=len(functions),
        lines=lines,
        cyclomatic=sum(f.cyclomatic for f in files),
        cognitive=sum(f.cognitive for f in files),
        maintainability=maintainability,
        worst_function=worst.qualname if worst else None,
        worst_cognitive=worst.cognitive if worst else 0,
    )


def sum_lines(counts: Iterable[LineCounts]) -> LineCounts:
    total = source = logical = comment = docstring = blank = 0
    for c in counts:
        total += c.total
        source += c.source
        logical += c.logical
        comment += c.comment
        docstring += c.docstring
        blank += c.blank
    return LineCounts(total, source, logical, comment, docstring, blank)


def check_thresholds(
    files: Sequence[FileMetrics], limits: Thresholds
) -> tuple[ThresholdViolation, ...]:
    """Every measure beyond its limit, in file and line order."""
    found: list[ThresholdViolation] = []
    for metrics in files:
        path = metrics.path
        if metrics.lines.total > limits.file_lines:
            found.append(
                ThresholdViolation(
                    path, None, 1, "file_lines", metrics.lines.total, limits.file_lines
                )
            )
        if metrics.maintainability < limits.maintainability:
            found.append(
                ThresholdViolation(
                    path,
                    None,
                    1,
                    "maintainability",
                    round(metrics.maintainability, 2),
                    limits.maintainability,
                )
            )
        for fn in metrics.functions:
            for metric, value, limit in (
                ("cyclomatic", fn.cyclomatic, limits.cyclomatic),
                ("cognitive", fn.cognitive, limits.cognitive),
                ("nesting", fn.max_nesting, limits.nesting),
                ("parameters", fn.parameters, limits.parameters),
                ("function_length", fn.length, limits.function_length),
            ):
                if value > limit:
                    found.append(
                        ThresholdViolation(path, fn.qualname, fn.lineno, metric, value, limit)
                    )
    return tuple(found)


def _maintainability(files: list[FileMetrics]) -> float:
    """The files' MI weighted by source lines; their plain mean when none has any."""
    weight = sum(f.lines.source for f in files)
    if weight:
        return sum(f.maintainability * f.lines.source for f in files) / weight
    return sum(f.maintainability for f in files) / len(files) if files else 100.0
