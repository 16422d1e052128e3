"""Issue 16: the projects of a repository from its pyproject.toml tables (pure)."""

from __future__ import annotations

from codehealth.core import declared_dependencies, normalise_name, project_of, workspace_projects
from codehealth.core.workspace import nearest_config


def _project(name: str, **extra: object) -> dict[str, object]:
    return {"project": {"name": name, **extra}}


def test_a_repository_of_one_project_is_no_workspace() -> None:
    assert workspace_projects({"pyproject.toml": _project("shop")}) == ()
    assert workspace_projects({}) == ()


def test_uv_members_and_exclude_choose_the_projects() -> None:
    documents = {
        "pyproject.toml": {
            "tool": {"uv": {"workspace": {"members": ["packages/*"], "exclude": ["packages/old"]}}}
        },
        "packages/core/pyproject.toml": _project("Acme_Core"),
        "packages/old/pyproject.toml": _project("old"),
        "packages/api/deep/pyproject.toml": _project("deep"),  # * stays within one folder
        "tools/pyproject.toml": _project("tools"),  # not a member
    }
    projects = workspace_projects(documents)
    assert [(p.name, p.folder) for p in projects] == [("acme-core", "packages/core")]


def test_without_a_workspace_table_every_project_below_a_root_that_is_none() -> None:
    documents = {
        "pyproject.toml": {"tool": {"codehealth": {}}},  # settings, no project
        "libs/a/pyproject.toml": {**_project("a"), "tool": {"codehealth": {"jobs": 1}}},
        "libs/b/pyproject.toml": _project("b", dependencies=["a>=1", "requests"]),
        "docs/pyproject.toml": {"tool": {"ruff": {}}},  # no [project]: not a project
    }
    projects = {p.folder: p for p in workspace_projects(documents)}
    assert set(projects) == {"libs/a", "libs/b"}
    assert projects["libs/a"].config_file == "libs/a/pyproject.toml"
    assert projects["libs/a"].own_config
    # b has no [tool.codehealth]: the nearest one above applies, as ruff does
    assert projects["libs/b"].config_file == "pyproject.toml"
    assert not projects["libs/b"].own_config
    assert projects["libs/b"].dependencies == {"a", "requests"}


def test_a_root_project_with_example_projects_stays_one_project() -> None:
    documents = {
        "pyproject.toml": _project("shop"),
        "examples/demo/pyproject.toml": _project("demo"),
    }
    assert workspace_projects(documents) == ()


def test_hatch_and_pdm_workspaces_declare_members_too() -> None:
    hatch = {"envs": {"default": {"workspace": {"members": [{"path": "pkgs/a"}, "pkgs/b"]}}}}
    for tool in ({"hatch": hatch}, {"pdm": {"workspace": {"members": ["pkgs/*"]}}}):
        documents = {
            "pyproject.toml": {**_project("root"), "tool": tool},
            "pkgs/a/pyproject.toml": _project("a"),
            "pkgs/b/pyproject.toml": _project("b"),
        }
        assert [p.folder for p in workspace_projects(documents)] == ["", "pkgs/a", "pkgs/b"]


def test_declared_dependencies_read_every_place_a_pyproject_declares_them() -> None:
    document = {
        "project": {
            "name": "api",
            "dependencies": ["Acme.Core[extra]>=1; python_version>'3'", "python"],
            "optional-dependencies": {"web": ["flask"]},
        },
        "tool": {
            "uv": {"sources": {"acme-jobs": {"workspace": True}, "other": {"git": "x"}}},
            "hatch": {
                "metadata": {
                    "hooks": {"uv-dynamic-versioning": {"dependencies": ["meta=={{ version }}"]}}
                }
            },
            "poetry": {"dependencies": {"poetry_dep": "*"}},
        },
    }
    assert declared_dependencies(document) == {
        "acme-core",
        "flask",
        "acme-jobs",
        "meta",
        "poetry-dep",
    }


def test_a_workspace_meta_package_brings_what_it_declares() -> None:
    documents = {
        "pyproject.toml": {
            **_project("meta", dependencies=["slim"]),
            "tool": {"uv": {"workspace": {"members": ["*"]}}},
        },
        "slim/pyproject.toml": _project("slim"),
        "cli/pyproject.toml": _project("cli", dependencies=["meta"]),
    }
    projects = {p.name: p for p in workspace_projects(documents)}
    assert projects["cli"].dependencies == {"meta", "slim"}
    assert projects["slim"].dependencies == frozenset()


def test_nearest_config_and_project_of() -> None:
    configured = {"pyproject.toml", "a/pyproject.toml"}
    assert nearest_config("a/b/pyproject.toml", configured) == "a/pyproject.toml"
    assert nearest_config("c/pyproject.toml", set()) == "c/pyproject.toml"
    projects = workspace_projects(
        {
            "pyproject.toml": {
                **_project("root"),
                "tool": {"uv": {"workspace": {"members": ["a"]}}},
            },
            "a/pyproject.toml": _project("a"),
        }
    )
    assert project_of("a/src/a/x.py", projects).name == "a"  # type: ignore[union-attr]
    assert project_of("ab/x.py", projects).name == "root"  # type: ignore[union-attr]
    assert normalise_name("Foo__Bar.baz") == "foo-bar-baz"


def test_a_project_inside_another_projects_folder_is_its_example() -> None:
    documents = {
        "libs/cli/pyproject.toml": _project("cli"),
        "libs/cli/examples/app/pyproject.toml": _project("example-app"),
        "libs/core/pyproject.toml": _project("core"),
    }
    assert [p.folder for p in workspace_projects(documents)] == ["libs/cli", "libs/core"]
