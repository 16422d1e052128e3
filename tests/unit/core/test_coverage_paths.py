"""Paths in coverage data are mapped to the project's files."""

from __future__ import annotations

import pytest

from codehealth.core import PathMapper

PROJECT = ["src/app/x.py", "src/app/y.py", "tests/x.py", "lib/z.py", "a/util.py", "b/util.py"]


@pytest.mark.parametrize(
    ("data_path", "expected"),
    [
        ("/work/app/src/app/x.py", "src/app/x.py"),  # absolute, under the root
        ("src/app/x.py", "src/app/x.py"),  # relative_files = true
        ("/home/runner/work/app/app/src/app/x.py", "src/app/x.py"),  # another machine
        ("C:\\build\\app\\src\\app\\y.py", "src/app/y.py"),  # Windows
        ("app/y.py", "src/app/y.py"),  # relative to another folder
        ("/ci/tests/x.py", "tests/x.py"),
        ("x.py", None),  # two project files end with x.py: no guess
        ("/ci/util.py", None),  # a/util.py or b/util.py: a tie names no file
        ("/ci/a/util.py", "a/util.py"),
        ("/other/project/q.py", None),
    ],
)
def test_paths_map_to_the_project(data_path: str, expected: str | None) -> None:
    assert PathMapper("/work/app", PROJECT).map(data_path) == expected


def test_cobertura_sources_are_roots_of_relative_names() -> None:
    mapper = PathMapper("/work/app", PROJECT, roots=["/work/app/src"])
    assert mapper.map("app/x.py") == "src/app/x.py"


def test_a_relative_name_under_a_source_of_another_machine_is_placed_by_that_source() -> None:
    # pytest-cov's coverage.xml written in /ci/checkout: <source>/ci/checkout/src/app</source>
    # and filename="x.py"; here x.py alone names two files, the source's last folder one
    mapper = PathMapper("/work/app", PROJECT, roots=["/ci/checkout/src/app"])
    assert mapper.map("x.py") == "src/app/x.py"
    assert PathMapper("/work/app", PROJECT, roots=["/ci/checkout/other"]).map("x.py") is None


def test_coverage_py_paths_remapping() -> None:
    remap = {"source": ("lib/", "*/site-packages/"), "other": ("src/", "/build/*/src/")}
    mapper = PathMapper("/work/app", PROJECT, remap=remap)
    assert mapper.map("/usr/lib/python3.12/site-packages/z.py") == "lib/z.py"
    assert mapper.map("/build/job-7/src/app/x.py") == "src/app/x.py"
