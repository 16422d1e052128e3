"""The findings ``codehealth boundaries`` makes on the imports between the projects of a
workspace that a module map cannot tell: a ``_private`` part of a namespace both projects
share (CH301), and a project imported that the importer's ``pyproject.toml`` does not
declare (CH304). Pure: the imports and the files' facts come in."""

from __future__ import annotations

from codehealth.boundaries.analysis import ProjectFacts
from codehealth.boundaries.check import PRIVATE_SUBMODULE, UNDECLARED_DEPENDENCY
from codehealth.boundaries.portions import Portions
from codehealth.core import Finding, Violation, Workspace, WorkspaceProject


def package_of(packages: Portions, module: str) -> str:
    """The package (or namespace portion) of ``module`` that its project owns."""
    parts = module.split(".")
    return next(
        (
            ".".join(parts[:end])
            for end in range(len(parts), 0, -1)
            if ".".join(parts[:end]) in packages.owner
        ),
        parts[0],
    )


def private_between(
    workspace: Workspace,
    packages: Portions,
    facts: ProjectFacts,
    crossing: list[tuple[str, str, int]],
    flagged: set[tuple[str, int]],
) -> list[Violation]:
    """CH301 for an import of a ``_private`` part of another project's package that the
    module map cannot tell (a namespace shared by both projects holds the importer too)."""
    found: dict[tuple[str, int, str], Violation] = {}
    for importer, imported, line in crossing:
        path = facts.files[importer]
        package = package_of(packages, imported)
        below = imported[len(package) + 1 :].split(".") if imported != package else []
        private = next((i for i, part in enumerate(below) if part.startswith("_")), None)
        if private is None or (path, line) in flagged or facts.not_importer(path):
            continue
        closed = ".".join([package, *below[: private + 1]])
        owner = workspace.projects[packages.owner_of(imported) or 0][0]
        finding = Finding(
            PRIVATE_SUBMODULE,
            path,
            line,
            f"`{importer}` imports `{imported}`: `{closed}` is private to project `{owner.name}`",
            fix=f"import what you need from the public API of `{package}`, or make it public "
            f"in {owner.folder or '.'}",
        )
        found.setdefault((path, line, closed), Violation(finding, importer, imported, package))
    return list(found.values())


def undeclared(
    workspace: Workspace,
    packages: Portions,
    facts: ProjectFacts,
    crossing: list[tuple[str, str, int]],
) -> list[Violation]:
    """CH304 for each file importing a workspace project that the importer's
    ``pyproject.toml`` does not declare (at its first such import)."""
    found: dict[tuple[str, str], Violation] = {}
    for importer, imported, line in sorted(crossing, key=lambda c: (facts.files[c[0]], c[2])):
        path = facts.files[importer]
        source = workspace.projects[packages.owner_of(importer) or 0][0]
        target = workspace.projects[packages.owner_of(imported) or 0][0]
        if target.name in source.dependencies or (path, target.name) in found:
            continue
        if facts.not_importer(path):
            continue
        finding = _undeclared_finding(source, target, (importer, imported), path, line)
        found[(path, target.name)] = Violation(
            finding, importer, imported, package_of(packages, imported)
        )
    return list(found.values())


def _undeclared_finding(
    source: WorkspaceProject,
    target: WorkspaceProject,
    edge: tuple[str, str],
    path: str,
    line: int,
) -> Finding:
    importer, imported = edge
    cycle = (
        f" ({target.name} depends on {source.name}: declaring it would make the two "
        "distributions depend on each other)"
        if source.name in target.dependencies
        else ""
    )
    return Finding(
        UNDECLARED_DEPENDENCY,
        path,
        line,
        f"project `{source.name}` depends on workspace project `{target.name}` "
        f"(`{importer}` imports `{imported}`), which {source.pyproject} does not declare" + cycle,
        fix=f"add `{target.name}` to [project] dependencies in {source.pyproject} "
        "(and `{workspace = true}` in [tool.uv.sources]), or remove the import",
    )
