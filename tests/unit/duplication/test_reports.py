"""Clone groups as the scan and debt reports show them, and as CH701 debt."""

from __future__ import annotations

from codehealth.core import (
    CloneGroup,
    CloneLocation,
    Duplication,
    FileDuplication,
    LineCounts,
    PackageMetrics,
    Rule,
)
from codehealth.duplication import duplication_document, duplication_line, duplication_tables
from codehealth.findings import duplication_findings

GROUP = CloneGroup(
    85,
    23,
    (
        CloneLocation("pkg/a.py", 10, 32),
        CloneLocation("pkg/b.py", 40, 62),
        CloneLocation("c.py", 1, 23),
    ),
)
HUGE = CloneGroup(60, 6, tuple(CloneLocation(f"gen/m{i:04}.py", 1, 6) for i in range(3000)))
FILES = (FileDuplication("pkg/a.py", 23, 1, 100), FileDuplication("pkg/b.py", 23, 1, 200))
DUPLICATION = Duplication((GROUP, HUGE), FILES, (("bad.py", "cannot be tokenised"),), 60, 6)


def _package() -> PackageMetrics:
    return PackageMetrics("pkg", "pkg", 2, 0, LineCounts(300, 0, 0, 0, 0, 0), 0, 0, 100.0, None, 0)


def test_the_document_has_densities_and_a_compact_huge_group() -> None:
    document = duplication_document(DUPLICATION, (_package(),), 1000)
    assert document["lines"] == 46 and document["blocks"] == 2
    assert document["density"] == 4.6
    assert document["packages"] == [
        {"name": "pkg", "path": "pkg", "lines": 46, "blocks": 2, "density": 15.33}
    ]
    huge = document["groups"][1]
    assert huge["count"] == 3000 and len(huge["locations"]) == 20
    assert document["groups"][0]["locations"][1] == {"path": "pkg/b.py", "start": 40, "end": 62}
    assert document["skipped"] == [{"path": "bad.py", "reason": "cannot be tokenised"}]


def test_the_table_lists_the_first_locations_and_counts_the_rest() -> None:
    groups, files = duplication_tables(DUPLICATION, 10)
    huge_row = groups.rows[1]
    assert huge_row[0].text == "3000"
    assert huge_row[3].text.endswith("and 2997 more")
    assert [row[0].text for row in files.rows] == ["pkg/a.py", "pkg/b.py"]
    assert duplication_tables(Duplication(min_tokens=60, min_lines=6), 10) == []
    assert "46 duplicated lines (4.6 %) in 2 clone groups" in duplication_line(DUPLICATION, 1000)
    assert duplication_line(Duplication(min_tokens=60, min_lines=6), 1000) == ""


def test_each_copy_after_the_first_is_a_ch701_finding_naming_the_first() -> None:
    rule = Rule(
        "CH701",
        "duplicated-code",
        "duplication",
        "",
        "",
        "",
        "",
        "minor",
        10.0,
        minutes_per_point=0.5,
    )

    class Catalogue:
        def rule(self, rule_id: str) -> Rule | None:
            return rule if rule_id == "CH701" else None

    found = duplication_findings(Duplication((GROUP,)), Catalogue())  # type: ignore[arg-type]
    assert [(f.path, f.line, f.end_line) for f in found] == [("pkg/b.py", 40, 62), ("c.py", 1, 23)]
    assert found[0].message == (
        "lines 40-62 are a copy of pkg/a.py:10-32 (85 tokens; 3 copies in all)"
    )
    assert found[0].remediation_minutes == 10 + 0.5 * 23


def test_the_rule_case_files_fail_and_pass_with_the_default_settings() -> None:
    from pathlib import Path

    from codehealth.core import DuplicationSettings
    from codehealth.duplication import file_fingerprints, find_duplication

    cases = Path(__file__).parents[2] / "rules" / "CH701"
    for kind, expected in (("fail", 1), ("pass", 0)):
        source = (cases / f"{kind}.py").read_bytes()
        found = find_duplication({"case.py": file_fingerprints(source)}, {}, DuplicationSettings())
        assert len(found.groups) == expected, kind
