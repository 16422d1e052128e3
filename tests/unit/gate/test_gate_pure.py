"""Pure parts of the gate: name-status parsing, the baseline format, workflow escaping."""

from __future__ import annotations

import pytest

from codehealth.adapters.git import ChangedFile
from codehealth.adapters.git.revisions import parse_name_status
from codehealth.core import BaselineError, Finding, format_baseline, parse_baseline, update_baseline
from codehealth.core.baseline import BASELINE_HEADER
from codehealth.gate.ci_formats import escape_data, escape_property


def test_name_status_with_renames_spaces_and_unicode() -> None:
    raw = "M\0a b.py\0R087\0old/ü.py\0new/ü.py\0A\0x.py\0D\0gone.py\0".encode()
    assert parse_name_status(raw) == [
        ChangedFile("M", "a b.py", "a b.py"),
        ChangedFile("R", "old/ü.py", "new/ü.py"),
        ChangedFile("A", "", "x.py"),
        ChangedFile("D", "gone.py", ""),
    ]


def _finding(path: str, rule: str, fp: str) -> Finding:
    return Finding(rule, path, 3, "a\tmessage", fingerprint=fp)


def test_baseline_round_trip_is_sorted_and_update_only_removes() -> None:
    findings = [_finding("b.py", "CH201", "bb" * 5), _finding("a.py", "CH202", "aa" * 5)]
    created = update_baseline(None, findings, allow_new=False)
    text = format_baseline(created.entries)
    assert text.startswith(BASELINE_HEADER + "\n")
    body = [line for line in text.splitlines() if not line.startswith("#")]
    assert [line.split("\t")[2] for line in body] == ["a.py", "b.py"]
    baseline = parse_baseline(text)
    assert baseline.fingerprints == {"aa" * 5, "bb" * 5}
    later = update_baseline(baseline, [findings[0], _finding("c.py", "CH201", "cc" * 5)], False)
    assert {e.fingerprint for e in later.entries} == {"bb" * 5}
    assert later.refused == 1 and not later.added


def test_baseline_errors_name_the_line() -> None:
    with pytest.raises(BaselineError) as error:
        parse_baseline(f"{BASELINE_HEADER}\n\nzz\tCH201\tp\t\t\n")
    assert error.value.line == 3
    with pytest.raises(BaselineError) as older:
        parse_baseline("# codehealth-baseline format=9\n")
    assert "newer codehealth" in str(older.value)


def test_a_format_1_baseline_is_read() -> None:
    baseline = parse_baseline("# codehealth-baseline format=1\nabcdef12\tCH201\tx.py\n")
    assert baseline.fingerprints == {"abcdef12"}


def test_workflow_command_escaping() -> None:
    assert escape_data("100%\r\nok, a:b") == "100%25%0D%0Aok, a:b"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
