"""Fingerprints survive edits elsewhere in the file and change with the offending line."""

from __future__ import annotations

from dataclasses import replace

from codehealth.adapters.files import load_catalogue
from codehealth.core import FileMetrics, Finding, Hit, Thresholds, price_lint_hits, price_rule_hits
from codehealth.findings import complexity_findings, find_markers, finish_file
from codehealth.metrics import analyze_source

CATALOGUE = load_catalogue()

BASE = """import os


def send(host, port, user, password, sender, recipient, subject, body):
    # TODO: retry on failure
    return os.sep  # noqa: E501
"""


def findings(source: str, lint: list[Hit] | None = None) -> dict[str, Finding]:
    data = source.encode()
    metrics = analyze_source(data, "mail.py")
    assert isinstance(metrics, FileMetrics)
    found = complexity_findings([metrics], Thresholds(), CATALOGUE)
    found += price_rule_hits("mail.py", find_markers(data), CATALOGUE)
    found += price_lint_hits("ruff", "mail.py", lint or [], CATALOGUE)
    return {f.rule: f for f in finish_file(found, metrics, data)}


def unused_import(line: int) -> list[Hit]:
    return [Hit("F401", line, 7, line, "`os` imported but unused")]


def test_every_finding_gets_a_fingerprint_and_its_symbol() -> None:
    found = findings(BASE, unused_import(1))
    assert set(found) == {"CH104", "CH201", "CH206", "ruff:F401"}
    assert all(f.fingerprint for f in found.values())
    assert found["CH201"].symbol == "send" and found["ruff:F401"].symbol == ""


def test_inserting_lines_above_keeps_every_fingerprint() -> None:
    before = findings(BASE, unused_import(1))
    edited = '"""Mail."""\n\nimport sys\n' + BASE.replace("import os\n", "import os\n\nX = 1\n")
    after = findings(edited, unused_import(4))
    assert {r: f.line for r, f in after.items()} != {r: f.line for r, f in before.items()}
    assert {r: f.fingerprint for r, f in after.items()} == {
        r: f.fingerprint for r, f in before.items()
    }


def test_changing_the_offending_line_changes_its_fingerprint_only() -> None:
    before = findings(BASE)
    after = findings(BASE.replace("# TODO: retry on failure", "# TODO: retry twice"))
    assert after["CH201"].fingerprint != before["CH201"].fingerprint
    assert after["CH104"].fingerprint == before["CH104"].fingerprint
    assert after["CH206"].fingerprint == before["CH206"].fingerprint


def test_renaming_the_enclosing_function_changes_the_fingerprint() -> None:
    before = findings(BASE)
    after = findings(BASE.replace("def send(", "def deliver("))
    assert after["CH201"].fingerprint != before["CH201"].fingerprint


def test_identical_lines_are_told_apart_by_their_occurrence() -> None:
    source = "x = 1  # TODO\ny = 2\nx = 1  # TODO\n"
    data = source.encode()
    found = finish_file(price_rule_hits("a.py", find_markers(data), CATALOGUE), None, data)
    assert len({f.fingerprint for f in found}) == 2


def test_file_level_findings_do_not_depend_on_the_first_line() -> None:
    body = "\n".join(f"V{i} = {i}" for i in range(1100)) + "\n"

    def large(source: str) -> Finding:
        data = source.encode()
        metrics = analyze_source(data, "big.py")
        assert isinstance(metrics, FileMetrics)
        (finding,) = finish_file(
            complexity_findings([metrics], Thresholds(), CATALOGUE), metrics, data
        )
        return finding

    assert large(body).fingerprint == large('"""Docs."""\n' + body).fingerprint


def test_finish_file_numbers_findings_like_the_model_helper() -> None:
    """debt builds fingerprints in one pass; they must equal model.with_fingerprints'."""
    from codehealth.core.findings import with_fingerprints

    data = (BASE + "x = 1  # TODO\ny = 2  # TODO\nx = 1  # TODO\n").encode()
    metrics = analyze_source(data, "mail.py")
    assert isinstance(metrics, FileMetrics)
    raw = price_rule_hits("mail.py", find_markers(data), CATALOGUE)
    raw += price_lint_hits("ruff", "mail.py", unused_import(1), CATALOGUE)
    mine = finish_file(raw, metrics, data)
    texts = dict(enumerate(data.decode().splitlines(), 1))
    ordered = sorted(raw, key=lambda f: (f.line, f.column, f.rule))
    with_symbols = [replace(f, symbol=g.symbol) for f, g in zip(ordered, mine, strict=True)]
    theirs = with_fingerprints(with_symbols, texts)
    assert [f.fingerprint for f in mine] == [f.fingerprint for f in theirs]
