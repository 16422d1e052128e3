"""Joining coverage data to only some of the project's files (the gate joins the touched
ones): paths are still mapped among all files, data naming other project files is the
project's, not another project's, and a file of a folder the run did not measure (the
command line's ``--cov=pkg``, which the data does not record) has no figure."""

from __future__ import annotations

import pytest

from codehealth.core import (
    CodeShape,
    CoverageMismatch,
    MeasuredFile,
    ProjectFiles,
    RawCoverage,
    join_coverage,
)

ALL = frozenset({"pkg/utils.py", "pkg/new.py", "other/utils.py", "other/core.py", "setup.py"})
_SHAPE = CodeShape(frozenset({1, 2}), {}, {})


def _raw(*paths: str) -> RawCoverage:
    files = tuple(MeasuredFile(p, frozenset({1}), statements=frozenset({1, 2})) for p in paths)
    return RawCoverage("coverage.xml", "cobertura", files)


def _touched(*paths: str) -> ProjectFiles:
    return ProjectFiles(
        root="/work/shop", line_counts=dict.fromkeys(paths, 10), shape=lambda _: _SHAPE, known=ALL
    )


def test_a_same_named_file_of_another_package_is_not_the_touched_one() -> None:
    # from another machine: only the trailing path components can place the file
    data = join_coverage(_raw("/ci/build/other/utils.py"), _touched("pkg/utils.py"))
    assert data.of("pkg/utils.py") is None
    assert data.unmeasured == {"pkg/utils.py"}  # the run measured other/, not pkg/


def test_data_naming_only_untouched_project_files_is_not_foreign() -> None:
    data = join_coverage(_raw("pkg/utils.py"), _touched("pkg/new.py"))
    new = data.of("pkg/new.py")
    assert new is not None and new.executed == frozenset()  # in a measured package: never ran


def test_data_naming_no_project_file_is_another_projects() -> None:
    with pytest.raises(CoverageMismatch, match="another project"):
        join_coverage(_raw("billing/invoice.py"), _touched("pkg/utils.py"))


def test_a_top_level_file_belongs_to_the_root_folder() -> None:
    data = join_coverage(_raw("setup.py"), _touched("manage.py", "pkg/utils.py"))
    assert data.of("manage.py") is not None
    assert data.unmeasured == {"pkg/utils.py"}
