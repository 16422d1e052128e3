"""A workspace's boundary results, grouped by project: a heading per project in the table,
a ``projects`` list in JSON (each entry the one-project document with its name and folder).
Pure."""

from __future__ import annotations

import json
from collections.abc import Callable

from codehealth.boundaries.formats import render_boundaries_json
from codehealth.boundaries.workspace import WorkspaceReport
from codehealth.core import BoundaryReport

Render = Callable[[BoundaryReport], str]


def render_workspace_json(workspace: WorkspaceReport, pretty: bool = False) -> str:
    projects = []
    head: dict[str, object] = {}
    for project in workspace.projects:
        document = json.loads(render_boundaries_json(project.report))
        head = {k: document.pop(k) for k in ("schema_version", "tool")}
        summary = document.pop("summary")
        projects.append(
            {"project": project.name, "folder": project.folder, "summary": summary, **document}
        )
    total = sum(len(p.report.violations) for p in workspace.projects)
    body = {**head, "root": workspace.root, "violations": total, "notes": list(workspace.notes)}
    text = json.dumps({**body, "projects": projects}, indent=2 if pretty else None)
    return text + "\n"


def render_workspace_text(workspace: WorkspaceReport, render: Render) -> str:
    """Each project's table under a heading naming it and its folder."""
    parts = []
    for project in workspace.projects:
        heading = f"== project {project.name} ({project.folder or '.'}) =="
        parts.append(f"{heading}\n{render(project.report).rstrip()}\n")
    total = sum(len(p.report.violations) for p in workspace.projects)
    notes = "".join(f"note: {note}\n" for note in workspace.notes)
    footer = f"{total} violation(s) in {len(workspace.projects)} project(s)\n"
    return "\n".join(parts) + "\n" + notes + footer
