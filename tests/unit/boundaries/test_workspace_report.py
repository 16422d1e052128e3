"""Issue 16: a workspace project's report rebased to the repository root, and the grouped
table and JSON (pure)."""

from __future__ import annotations

import json

from codehealth.boundaries.rebase import rebased
from codehealth.boundaries.workspace import ProjectReport, WorkspaceReport
from codehealth.boundaries.workspace_formats import render_workspace_json, render_workspace_text
from codehealth.core import (
    BoundaryReport,
    Cycle,
    Finding,
    ImportSite,
    ModuleEdge,
    NotAnalysed,
    Violation,
)


def _report() -> BoundaryReport:
    site = ImportSite("src/a/x.py", 3, "a.x", "a.y._z")
    edge = ModuleEdge("a.x", "a.y", (site,))
    finding = Finding("CH301", "src/a/x.py", 3, "`a.x` imports `a.y._z`")
    return BoundaryReport(
        root="/repo/libs/a",
        root_packages=("a",),
        modules=(),
        edges=(edge,),
        violations=(Violation(finding, "a.x", "a.y._z", "a.y"),),
        contracts=(),
        cycles=(Cycle(("a.x", "a.y", "a.x"), (edge,), ()),),
        not_analysed=(NotAnalysed("src/a/bad.py", "syntax error"),),
    )


def test_every_path_of_a_project_report_is_rebased_to_the_repository_root() -> None:
    moved = rebased(_report(), "libs/a")
    assert moved.violations[0].finding.path == "libs/a/src/a/x.py"
    assert moved.edges[0].imports[0].path == "libs/a/src/a/x.py"
    assert moved.cycles[0].edges[0].imports[0].path == "libs/a/src/a/x.py"
    assert moved.not_analysed[0].path == "libs/a/src/a/bad.py"
    assert rebased(_report(), "") == _report()  # the root project: unchanged


def test_the_grouped_outputs_name_each_project() -> None:
    workspace = WorkspaceReport(
        "/repo", (ProjectReport("a", "libs/a", rebased(_report(), "libs/a")),), ("a note",)
    )
    document = json.loads(render_workspace_json(workspace))
    assert document["violations"] == 1 and document["notes"] == ["a note"]
    (project,) = document["projects"]
    assert project["project"] == "a" and project["folder"] == "libs/a"
    assert project["violations"][0]["path"] == "libs/a/src/a/x.py"
    text = render_workspace_text(workspace, lambda report: f"{len(report.violations)} found")
    assert text.splitlines()[0] == "== project a (libs/a) =="
    assert "note: a note" in text and "1 violation(s) in 1 project(s)" in text
