"""Issue 16: a PEP 420 namespace shared by several projects, split into each one's portion."""

from __future__ import annotations

from pathlib import Path

from codehealth.boundaries.portions import split_portions


def _tree(root: Path, files: list[str]) -> None:
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("")


def test_each_project_owns_its_portion_of_a_shared_namespace(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        [
            "core/ns/types.py",  # modules in the namespace itself: core keeps `ns`
            "core/ns/graph/__init__.py",
            "check/ns/checkpoint/base/__init__.py",  # ns.checkpoint shared again below
            "pg/ns/checkpoint/postgres/__init__.py",
            "pg/ns/graph/x.py",  # core has ns.graph: a conflict, noted
        ],
    )
    places = {
        "ns": [
            (0, str(tmp_path / "core/ns")),
            (1, str(tmp_path / "check/ns")),
            (2, str(tmp_path / "pg/ns")),
        ]
    }
    portions = split_portions(places, ["core", "check", "pg"])
    assert portions.owner == {
        "ns": 0,
        "ns.checkpoint.base": 1,
        "ns.checkpoint.postgres": 2,
    }
    assert portions.owner_of("ns.checkpoint.postgres.aio") == 2
    assert portions.owner_of("ns.graph.state") == 0
    assert portions.owner_of("other") is None
    assert portions.notes == [
        "package 'ns.graph' is in core and pg: imports between projects are checked for the "
        "first only"
    ]


def test_a_package_in_one_project_is_that_projects(tmp_path: Path) -> None:
    portions = split_portions({"solo": [(3, str(tmp_path))]}, ["a", "b", "c", "d"])
    assert portions.owner == {"solo": 3} and portions.folders == {"solo": str(tmp_path)}
