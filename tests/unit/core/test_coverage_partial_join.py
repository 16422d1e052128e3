"""Joining coverage data to only some of the project's files (the gate joins the touched
ones): paths are still mapped among all files, and data naming other project files is the
project's, not another project's."""

from __future__ import annotations

import pytest

from codehealth.core import (
    CoverageMismatch,
    MeasuredFile,
    ProjectFiles,
    RawCoverage,
    join_coverage,
)

ALL = frozenset({"pkg/utils.py", "other/utils.py", "other/core.py", "setup.py"})


def _raw(*paths: str) -> RawCoverage:
    files = tuple(MeasuredFile(p, frozenset({1}), statements=frozenset({1, 2})) for p in paths)
    return RawCoverage("coverage.xml", "cobertura", files)


def _touched(*paths: str) -> ProjectFiles:
    return ProjectFiles(
        root="/work/shop", line_counts=dict.fromkeys(paths, 10), shape=lambda _: None, known=ALL
    )


def test_a_same_named_file_of_another_package_is_not_the_touched_one() -> None:
    # from another machine: only the trailing path components can place the file
    data = join_coverage(_raw("/ci/build/other/utils.py"), _touched("pkg/utils.py"))
    assert data.files == {}
    assert data.named == {"other/utils.py"}
    assert not data.measures_folder_of("scripts/run.py")
    assert data.measures_folder_of("other/new.py")


def test_data_naming_only_untouched_project_files_is_not_foreign() -> None:
    data = join_coverage(_raw("other/core.py"), _touched("pkg/utils.py"))
    assert data.named == {"other/core.py"} and data.files == {}


def test_data_naming_no_project_file_is_another_projects() -> None:
    with pytest.raises(CoverageMismatch, match="another project"):
        join_coverage(_raw("billing/invoice.py"), _touched("pkg/utils.py"))


def test_a_top_level_file_belongs_to_the_root_folder() -> None:
    data = join_coverage(_raw("setup.py"), _touched("pkg/utils.py"))
    assert data.measures_folder_of("manage.py")
    assert not data.measures_folder_of("pkg/utils.py")
