"""A function moved to another file carries its findings: neither new there nor fixed where
it was (pytest 58d8b55beb moved helpers out of assertion/util.py and the gate failed on their
old complexity). A finding that changed on the way (a higher value) is still new."""

from __future__ import annotations

from codehealth.core import ChangedFile, Finding, Settings
from codehealth.gate.snapshot import FileState, Snapshot
from codehealth.gate.verdict import compare

SETTINGS = Settings(root=".")


def _finding(path: str, message: str, fp: str) -> Finding:
    return Finding("CH101", path, 10, message, "major", 12.0, symbol="compare_cls", fingerprint=fp)


def _verdict(moved_message: str) -> tuple[list[tuple[str, str]], tuple[int, int]]:
    old = _finding("pkg/util.py", "compare_cls: cyclomatic complexity 20 > 10", "a1")
    new = _finding("pkg/compare.py", moved_message, "b2")
    base = Snapshot("base", {"pkg/util.py": FileState("pkg/util.py", findings=(old,))})
    head = Snapshot(
        "head",
        {
            "pkg/util.py": FileState("pkg/util.py"),
            "pkg/compare.py": FileState("pkg/compare.py", findings=(new,)),
        },
    )
    touched = [
        ChangedFile("M", "pkg/util.py", "pkg/util.py"),
        ChangedFile("A", "", "pkg/compare.py"),
    ]
    report = compare(base, head, touched, SETTINGS)
    problems = [(p.finding.rule, p.finding.path) for p in report.problems if p.level == "error"]
    counts = {s.path: (s.new_findings, s.fixed_findings) for s in report.files}
    return problems, (counts["pkg/compare.py"][0], counts["pkg/util.py"][1])


def test_a_finding_moved_with_its_function_is_neither_new_nor_fixed() -> None:
    problems, (new, fixed) = _verdict("compare_cls: cyclomatic complexity 20 > 10")
    assert problems == []
    assert (new, fixed) == (0, 0)


def test_a_finding_that_grew_on_the_way_is_new() -> None:
    problems, (new, fixed) = _verdict("compare_cls: cyclomatic complexity 23 > 10")
    assert problems == [("CH101", "pkg/compare.py")]
    assert (new, fixed) == (1, 1)
