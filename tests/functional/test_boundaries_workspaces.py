"""Issue 16: namespace packages, and a repository of several projects (a uv workspace):
each project with its own settings, the imports between projects checked, the gate judging
each file by its own project's thresholds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from clitools import Run, write_files

NAMESPACE = {
    "pyproject.toml": '[project]\nname = "acme"\nversion = "0"\n\n'
    '[tool.codehealth.modules]\n"acme.shop" = {public = ["acme.shop.basket"]}\n',
    "src/acme/core/__init__.py": "",
    "src/acme/billing/invoices.py": "X = 1\n",
    "src/acme/billing/_impl/engine.py": "Y = 1\n",
    "src/acme/shop/cart.py": "Z = 1\n",
    "src/acme/shop/basket.py": "B = 1\n",
    "src/acme/api/views.py": "from acme.billing._impl import engine\n"
    "from acme.billing import invoices\n"
    "from acme.shop import cart\n"
    "from acme.shop import basket\n",
}


def _found(document: dict[str, object], key: str = "violations") -> set[tuple[str, str, int]]:
    return {(v["rule"], v["path"], v["line"]) for v in document[key]}  # type: ignore[index,attr-defined]


def test_namespace_packages_are_roots_and_modules(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("ns", NAMESPACE)
    run = cli("boundaries", "--format", "json", cwd=repo)
    document = run.json()
    assert document["root_packages"] == ["acme"]
    assert {m["name"] for m in document["modules"]} == {
        "acme.api",
        "acme.billing",
        "acme.core",
        "acme.shop",
    }
    # billing (undeclared, no __init__): only its _private submodule is closed; shop
    # (declared with public): exactly basket is its API
    assert _found(document) == {
        ("CH301", "src/acme/api/views.py", 1),
        ("CH301", "src/acme/api/views.py", 3),
    }
    fixes = {v["line"]: v["fix"] for v in document["violations"]}
    assert "[tool.codehealth.modules]" in fixes[3] and "__init__" not in fixes[3]


WORKSPACE = {
    "pyproject.toml": '[project]\nname = "mono"\nversion = "0"\n\n'
    '[tool.uv.workspace]\nmembers = ["packages/*"]\n\n'
    "[tool.codehealth.thresholds]\ncyclomatic = 10\n",
    "packages/core/pyproject.toml": '[project]\nname = "acme-core"\nversion = "0"\n',
    "packages/core/src/acme_core/__init__.py": "from acme_core.models import Model\n\n"
    '__all__ = ["Model"]\n',
    "packages/core/src/acme_core/models.py": "class Model:\n    pass\n",
    "packages/core/src/acme_core/_internal.py": "SECRET = 1\n",
    "packages/core/src/acme_core/store/__init__.py": "",
    "packages/core/src/acme_core/store/_disk.py": "X = 1\n",
    "packages/core/src/acme_core/views/__init__.py": "",
    "packages/api/pyproject.toml": '[project]\nname = "acme-api"\nversion = "0"\n'
    'dependencies = ["acme-core"]\n\n[tool.uv.sources]\nacme-core = { workspace = true }\n',
    "packages/api/src/acme_api/__init__.py": "from acme_core import Model\n\napp = Model()\n",
    "packages/api/src/acme_api/views.py": "from acme_core.models import Model\n"
    "from acme_core._internal import SECRET\n\nview = (Model, SECRET)\n",
    "packages/jobs/pyproject.toml": '[project]\nname = "acme-jobs"\nversion = "0"\n'
    'dependencies = ["acme_core>=0"]\n\n[tool.codehealth.thresholds]\ncyclomatic = 3\n',
    "packages/jobs/src/acme_jobs/__init__.py": "",
    "packages/jobs/src/acme_jobs/run.py": "from acme_api import app\n"
    "from acme_core import Model\n\njob = (app, Model)\n",
    "packages/jobs/tests/test_run.py": "from acme_api import app\n"
    "from acme_core._internal import SECRET\n",
}

BUSY = (
    "def busy(a, b, c, d):\n"
    + "".join(f"    if {v}:\n        return {i}\n" for i, v in enumerate("abcd"))
    + "    return 0\n"
)


@pytest.mark.slow
def test_a_workspace_is_checked_by_project_and_between_projects(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("mono", WORKSPACE)
    run = cli("boundaries", "--format", "json", cwd=repo)
    assert run.code == 1, run.err
    document = run.json()
    by_project = {p["project"]: p for p in document["projects"]}
    assert set(by_project) == {"acme-api", "acme-core", "acme-jobs"}  # mono holds no package
    assert by_project["acme-api"]["folder"] == "packages/api"
    # acme_core's private module; acme_core.models (public by name, re-exported from) is
    # acme-core's public module to the other projects
    assert _found(by_project["acme-api"]) == {("CH301", "packages/api/src/acme_api/views.py", 2)}
    # acme-jobs imports acme-api without declaring it (its test file is nobody's design)
    assert _found(by_project["acme-jobs"]) == {("CH304", "packages/jobs/src/acme_jobs/run.py", 1)}
    assert _found(by_project["acme-core"]) == set()
    assert document["violations"] == 2

    table = cli("boundaries", cwd=repo)
    assert "== project acme-api (packages/api) ==" in table.out
    assert "which packages/jobs/pyproject.toml does not declare" in table.out
    assert "2 violation(s) in 3 project(s)" in table.out

    # an inline ignore of an import between projects is used, not CH308 of its project's run
    views = repo / "packages/api/src/acme_api/views.py"
    original = views.read_text()
    views.write_text(
        original.replace(
            "import SECRET\n", "import SECRET  # codehealth: ignore[CH301] because moving\n"
        )
    )
    ignored = cli("boundaries", "--format", "json", cwd=repo).json()
    assert ignored["violations"] == 1  # acme-jobs' CH304 alone
    graph = cli("boundaries", "--format", "dot", cwd=repo)
    assert graph.code == 2 and "run it in one project's folder" in graph.err
    views.write_text(original)

    # inside one project (its nearest pyproject.toml), the project alone, as before
    alone = cli("boundaries", "--format", "json", cwd=repo / "packages" / "api")
    assert "projects" not in alone.json() and alone.json()["violations"] == []


@pytest.mark.slow
def test_the_gate_judges_each_file_by_its_own_projects_settings(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("mono", WORKSPACE)
    write_files(
        repo,
        {
            "packages/jobs/src/acme_jobs/busy.py": BUSY,
            "packages/api/src/acme_api/busy.py": BUSY,
            # a private import within acme-core, judged by acme-core's own module map
            "packages/core/src/acme_core/views/__init__.py": (
                "from acme_core.store._disk import X\n"
            ),
        },
    )
    run = cli("gate", "--base", "HEAD", "--no-lint", "--format", "json", cwd=repo)
    assert run.code == 1, run.err
    failing = {(p["rule"], p["path"]) for p in run.json()["problems"]}
    # cyclomatic 5: over acme-jobs' own limit (3), within the workspace root's (10)
    assert ("CH101", "packages/jobs/src/acme_jobs/busy.py") in failing
    assert not any(path.startswith("packages/api/") for _, path in failing)
    assert ("CH301", "packages/core/src/acme_core/views/__init__.py") in failing


SHARED = {
    "pyproject.toml": '[tool.uv.workspace]\nmembers = ["libs/*"]\n',
    "libs/core/pyproject.toml": '[project]\nname = "ns-core"\nversion = "0"\n',
    "libs/core/ns/types.py": "T = 1\n",
    "libs/core/ns/_internal/__init__.py": "",
    "libs/core/ns/_internal/run.py": "R = 1\n",
    "libs/plugin/pyproject.toml": '[project]\nname = "ns-plugin"\nversion = "0"\n'
    'dependencies = ["ns-core"]\n',
    "libs/plugin/ns/plugin/__init__.py": "",
    "libs/plugin/ns/plugin/use.py": "from ns._internal.run import R\nfrom ns.types import T\n\n"
    "if False:\n    pass\n",
    "libs/extra/pyproject.toml": '[project]\nname = "ns-extra"\nversion = "0"\n',
    "libs/extra/ns/extra/__init__.py": "from typing import TYPE_CHECKING\n\n"
    "if TYPE_CHECKING:\n    from ns.types import T\n",
}


@pytest.mark.slow
def test_a_namespace_shared_by_projects_is_split_into_their_portions(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("shared", SHARED)
    document = cli("boundaries", "--format", "json", cwd=repo).json()
    by_project = {p["project"]: p for p in document["projects"]}
    assert document["notes"] == []
    # ns-plugin reaches into ns-core's private package; ns-extra's type-only import of an
    # undeclared sibling needs nothing installed: no CH304
    assert _found(by_project["ns-plugin"]) == {("CH301", "libs/plugin/ns/plugin/use.py", 1)}
    assert _found(by_project["ns-extra"]) == set()
