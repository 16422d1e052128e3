"""`codehealth scan` and `codehealth debt` with coverage data: the figures per function,
file and package, CRAP and rule CH601 (and nothing at all without data)."""

from __future__ import annotations

import json
from pathlib import Path

from clitools import run_cli, scan_json, shop_coverage_xml

SRC = Path(__file__).resolve().parents[2] / "src" / "codehealth"


def _named(rows: list[dict], key: str, value: str) -> dict:
    return next(row for row in rows if row[key] == value)


def _file(document: dict, path: str) -> dict:
    return _named(document["files"], "path", path)


def _function(document: dict, path: str, qualname: str) -> dict:
    return _named(_file(document, path)["functions"], "qualname", qualname)


def _line(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(start))


def test_scan_json_has_coverage_and_crap_per_function(make_repo) -> None:
    repo = make_repo("shop", files={"coverage.xml": shop_coverage_xml()})
    document = scan_json(cwd=repo)
    assert document["coverage"]["format"] == "cobertura"
    assert document["coverage"]["source"] == "coverage.xml"
    untested = _function(document, "src/shop/orders.py", "route_order")
    assert untested["coverage"]["lines"] == {"covered": 0, "total": 16}
    assert untested["coverage"]["percent"] == 0
    assert untested["crap"] == untested["cyclomatic"] ** 2 + untested["cyclomatic"]
    tested = _function(document, "src/shop/orders.py", "Order.total")
    assert tested["coverage"]["percent"] == 100
    assert tested["crap"] == tested["cyclomatic"]


def test_scan_json_has_coverage_per_file_and_package(make_repo) -> None:
    repo = make_repo("shop", files={"coverage.xml": shop_coverage_xml()})
    document = scan_json(cwd=repo)
    orders = _file(document, "src/shop/orders.py")
    assert orders["coverage"]["lines"] == {"covered": 8, "total": 24}
    # fees.py is not in the data: uncovered (its statements from codehealth's parse)
    fees = _file(document, "src/shop/billing/fees.py")
    assert fees["coverage"]["lines"]["covered"] == 0
    assert fees["coverage"]["lines"]["total"] > 0
    package = _named(document["packages"], "name", "shop")
    assert package["coverage"]["lines"]["covered"] == 8
    assert package["coverage"]["lines"]["total"] > 24


def test_without_data_there_are_no_coverage_columns_and_no_notes(make_repo) -> None:
    repo = make_repo("shop")
    document = scan_json(cwd=repo)
    assert document["coverage"] is None
    assert _function(document, "src/shop/orders.py", "route_order")["crap"] is None
    assert not any("coverage" in note for note in document["notes"])
    table = run_cli("scan", cwd=repo).out
    assert "cover" not in table and "CRAP" not in table


def test_the_table_shows_coverage_and_crap(make_repo) -> None:
    repo = make_repo("shop", files={"coverage.xml": shop_coverage_xml()})
    table = run_cli("scan", "--top", "0", cwd=repo).out
    header = _line(table, "function")
    assert header.split()[-2:] == ["cover", "CRAP"]
    route = _line(table, "route_order")
    assert route.split()[-2:] == ["0%", "182!"]  # cyclomatic 13, untested: 13**2 + 13 > 30
    total = _line(table, "Order.total")
    assert total.split()[-2:] == ["100%", "3"]  # tested: CRAP = cyclomatic
    assert "coverage: " in table and "from coverage.xml (cobertura)" in table


def test_coverage_option_names_the_file_and_a_bad_one_exits_2(make_repo) -> None:
    repo = make_repo("shop", files={"reports/cov.xml": shop_coverage_xml(), "bad.xml": "<a/>"})
    document = scan_json("--coverage", "reports/cov.xml", cwd=repo)
    assert document["coverage"]["source"] == "reports/cov.xml"
    bad = run_cli("scan", "--coverage", "bad.xml", cwd=repo)
    assert bad.code == 2 and "not a Cobertura coverage report" in bad.err
    missing = run_cli("scan", "--coverage", "nope.xml", cwd=repo)
    assert missing.code == 2 and "no such coverage file" in missing.err


def test_an_xml_bomb_found_automatically_is_a_note_not_a_crash(make_repo) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><coverage>&b;</coverage>'
    )
    repo = make_repo("shop", files={"coverage.xml": bomb})
    document = scan_json(cwd=repo)
    assert document["coverage"] is None
    assert any("refused" in note and "coverage.xml" in note for note in document["notes"])


def test_configured_coverage_file_and_off(make_repo) -> None:
    pyproject = '[tool.codehealth]\ncoverage = "out/coverage.xml"\n'
    repo = make_repo(
        "shop", files={"pyproject.toml": pyproject, "out/coverage.xml": shop_coverage_xml()}
    )
    assert scan_json(cwd=repo)["coverage"]["source"] == "out/coverage.xml"
    (repo / "pyproject.toml").write_text('[tool.codehealth]\ncoverage = "off"\n')
    (repo / "coverage.xml").write_text(shop_coverage_xml())
    assert scan_json(cwd=repo)["coverage"] is None


def test_debt_counts_crap_risk_only_with_data(make_repo) -> None:
    repo = make_repo("shop", files={"coverage.xml": shop_coverage_xml()})
    run = run_cli("debt", "--format", "json", cwd=repo)
    document = json.loads(run.out)
    crap = [f for f in document["findings"] if f["rule"] == "CH601"]
    assert [f["symbol"] for f in crap] == ["route_order"]
    assert crap[0]["remediation_minutes"] == 15 + 0.5 * (182 - 30)
    (repo / "coverage.xml").unlink()
    without = json.loads(run_cli("debt", "--format", "json", cwd=repo).out)
    assert not [f for f in without["findings"] if f["rule"] == "CH601"]


def _validate(document: dict, schema_file: str) -> None:
    import jsonschema

    schema = json.loads((SRC / schema_file).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)


def test_documents_with_coverage_follow_their_schemas(make_repo) -> None:
    repo = make_repo("shop", files={"coverage.xml": shop_coverage_xml()})
    document = scan_json(cwd=repo)
    assert document["schema_version"] == 2
    _validate(document, "scanning/scan.schema.json")
    debt = json.loads(run_cli("debt", "--format", "json", cwd=repo).out)
    assert debt["coverage"]["format"] == "cobertura"
    assert any(m["coverage"] for m in debt["modules"])
    _validate(debt, "debt/debt.schema.json")


def test_the_debt_table_has_a_coverage_family_and_column_only_with_data(make_repo) -> None:
    repo = make_repo("shop", files={"coverage.xml": shop_coverage_xml()})
    header = next(
        line for line in run_cli("debt", cwd=repo).out.splitlines() if line.startswith("module")
    )
    assert header.split()[6:13] == [
        "lint",
        "complexity",
        "markers",
        "boundaries",
        "duplication",
        "coverage",
        "cover",
    ]
    (repo / "coverage.xml").unlink()
    plain = run_cli("debt", cwd=repo).out
    assert "cover" not in next(line for line in plain.splitlines() if line.startswith("module"))
