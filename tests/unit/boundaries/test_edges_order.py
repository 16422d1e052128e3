"""The import sites of an edge between modules are in one order whatever order the import
graph lists them in: grimp lists the names of one statement in no fixed order, and a
cycle's finding is fingerprinted by its edge's first site (a changing fingerprint makes an
untouched cycle look new to the gate and the baseline)."""

from __future__ import annotations

from codehealth.boundaries import ProjectFacts, analyse
from codehealth.boundaries.modules import make_module_map

FILES = {
    "pkg": "pkg/__init__.py",
    "pkg.db": "pkg/db/__init__.py",
    "pkg.db.models": "pkg/db/models.py",
    "pkg.db.router": "pkg/db/router.py",
    "pkg.cache": "pkg/cache/__init__.py",
    "pkg.cache.backend": "pkg/cache/backend.py",
}
SOURCES = {path: b"" for path in FILES.values()}
SOURCES["pkg/cache/backend.py"] = b"from pkg.db import models, router\n"


def _edges(imports: list[tuple[str, str, int]]) -> list[tuple[str, str, tuple[str, ...]]]:
    facts = ProjectFacts(files=FILES, imports=imports, read=SOURCES.get)
    analysis = analyse(facts, make_module_map(["pkg.db", "pkg.cache"], {}))
    return [(e.source, e.target, tuple(s.imported for s in e.imports)) for e in analysis.edges]


def test_the_sites_of_one_statement_are_ordered_by_name() -> None:
    one_way = [
        ("pkg.cache.backend", "pkg.db.router", 1),
        ("pkg.cache.backend", "pkg.db.models", 1),
    ]
    expected = [("pkg.cache", "pkg.db", ("pkg.db.models", "pkg.db.router"))]
    assert _edges(one_way) == expected
    assert _edges(list(reversed(one_way))) == expected
