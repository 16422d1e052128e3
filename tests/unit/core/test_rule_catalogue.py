"""The rule catalogue: every rule documented, with examples and test cases, and behaving as
its pass/fail data files say (tests/rules/<ID>/pass.py and fail.py)."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from codehealth.adapters.files import catalogue_texts, load_catalogue, rules_folder
from codehealth.core import SEVERITIES, FileMetrics, Thresholds, apply_overrides, parse_catalogue
from codehealth.core.catalogue_parse import CatalogueError
from codehealth.findings import complexity_findings, find_markers
from codehealth.metrics import analyze_source

CASES = Path(__file__).resolve().parents[2] / "rules"
CATALOGUE = load_catalogue()
RULES = CATALOGUE.rules
# Families whose behaviour can be checked on one file here; others bring their own runner.
SINGLE_FILE_FAMILIES = ("complexity", "markers")


def test_the_catalogue_is_found_and_has_every_family() -> None:
    names = set(catalogue_texts())
    assert {"complexity.toml", "markers.toml", "lint_costs.toml"} <= names
    assert rules_folder().name == "rules"
    assert CATALOGUE.family("complexity") and CATALOGUE.family("markers")


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_every_rule_is_documented(rule) -> None:  # type: ignore[no-untyped-def]
    for name in ("name", "summary", "why", "bad", "good"):
        assert getattr(rule, name).strip(), f"{rule.id} has no {name}"
    if rule.family in SINGLE_FILE_FAMILIES:  # ours also say how to fix (other families may)
        assert rule.fix.strip(), f"{rule.id} has no fix"
    assert rule.bad.strip() != rule.good.strip(), f"{rule.id}: bad and good examples are equal"
    assert rule.severity in SEVERITIES
    assert rule.remediation_minutes >= 0
    assert rule.id.startswith("CH") and rule.id[2:].isdigit()


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_every_rule_has_a_test_case(rule) -> None:  # type: ignore[no-untyped-def]
    folder = CASES / rule.id
    for kind in ("pass", "fail"):
        assert (folder / f"{kind}.py").is_file() or (folder / kind).is_dir(), (
            f"{rule.id} has no test case: add tests/rules/{rule.id}/{kind}.py"
        )


def _rules_found(source: bytes) -> list[str]:
    metrics = analyze_source(source, "case.py")
    found = [hit.code for hit in find_markers(source)]
    if isinstance(metrics, FileMetrics):
        found += [f.rule for f in complexity_findings([metrics], Thresholds(), CATALOGUE)]
    return found


@pytest.mark.parametrize(
    "rule",
    [rule for rule in RULES if rule.family in SINGLE_FILE_FAMILIES],
    ids=lambda rule: rule.id,
)
def test_rule_behaviour_from_its_data_files(rule) -> None:  # type: ignore[no-untyped-def]
    failing = _rules_found((CASES / rule.id / "fail.py").read_bytes())
    passing = _rules_found((CASES / rule.id / "pass.py").read_bytes())
    assert rule.id in failing, f"{rule.id}: fail.py produced {failing}"
    assert rule.id not in passing, f"{rule.id}: pass.py produced {passing}"


def test_complexity_thresholds_match_the_configuration_defaults() -> None:
    defaults = {f.name: f.default for f in fields(Thresholds)}
    for rule in CATALOGUE.family("complexity"):
        assert rule.metric in defaults, rule.id
        assert rule.threshold == defaults[rule.metric], rule.id
        assert rule.minutes_per_point is not None, rule.id


def test_lint_cost_model_longest_prefix_wins_and_unknown_codes_get_the_default() -> None:
    assert CATALOGUE.lint_cost("ruff", "F401").match == "F401"
    assert CATALOGUE.lint_cost("ruff", "F999").match == "F"
    unknown = CATALOGUE.lint_cost("flake8", "ZZZ123")
    assert unknown.match == "" and unknown.remediation_minutes == 5


def test_covered_by_names_existing_rules() -> None:
    for entry in CATALOGUE.lint_costs:
        if entry.covered_by:
            assert CATALOGUE.rule(entry.covered_by) is not None, entry


def test_overrides_change_costs_and_report_unknown_rule_ids() -> None:
    changed, unknown = apply_overrides(
        CATALOGUE, {"CH101": 20, "F401": 1, "E": 0.5, "CH999": 1}, {"CH102": 3}
    )
    assert unknown == ["CH999"]
    assert changed.rule("CH101").remediation_minutes == 20  # type: ignore[union-attr]
    assert changed.rule("CH102").minutes_per_point == 3  # type: ignore[union-attr]
    assert changed.lint_cost("ruff", "F401").remediation_minutes == 1
    assert changed.lint_cost("ruff", "E302").remediation_minutes == 0.5
    assert changed.lint_cost("ruff", "E501").remediation_minutes == 1  # longer match kept


@pytest.mark.parametrize(
    "text, message",
    [
        ("[[rule]]\nid = 'CH900'\n", "must be a non-empty string"),
        ("[[cost]]\nmatch = 'E'\nremediation_minutes = -1\n", "remediation_minutes"),
        ("not toml [", "not valid TOML"),
    ],
)
def test_a_malformed_catalogue_file_is_named(text: str, message: str) -> None:
    with pytest.raises(CatalogueError, match=message):
        parse_catalogue({"broken.toml": text})


def test_a_lint_override_may_name_the_tool() -> None:
    changed, unknown = apply_overrides(CATALOGUE, {"ruff:F401": 0.25}, {})
    assert unknown == []
    assert changed.lint_cost("flake8", "F401").remediation_minutes == 0.25
