"""`codehealth scan --format json` against its published JSON Schema (draft 2020-12)."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from clitools import scan_json

SCHEMA_PATH = "scan.schema.json"


def _schema() -> dict[str, Any]:
    text = resources.files("codehealth.scanning").joinpath(SCHEMA_PATH).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        _schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_the_schema_is_a_valid_draft_2020_12_schema():
    schema = _schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_field_of_the_schema_is_described():
    """Walk the schema: every property and definition says what it means."""
    undescribed: list[str] = []

    def visit(node: Any, where: str) -> None:
        if not isinstance(node, dict):
            return
        for name, sub in node.get("properties", {}).items():
            # A bare $ref inherits the referenced definition's description.
            if "description" not in sub and set(sub) != {"$ref"}:
                undescribed.append(f"{where}.{name}")
            visit(sub, f"{where}.{name}")
        for name, sub in node.get("$defs", {}).items():
            if "description" not in sub:
                undescribed.append(f"$defs.{name}")
            visit(sub, f"$defs.{name}")
        if isinstance(node.get("items"), dict):
            visit(node["items"], f"{where}[]")

    visit(_schema(), "")
    assert undescribed == []


def test_schema_version_matches_the_renderer():
    from codehealth.scanning.formats import SCHEMA_VERSION

    assert _schema()["properties"]["schema_version"]["const"] == SCHEMA_VERSION


@pytest.mark.parametrize("project", ["shop", "clean"])
def test_scan_output_validates(make_repo, project):
    document = scan_json(cwd=make_repo(project))
    _validator().validate(document)
    assert document["schema_version"] == 2


def test_output_with_every_section_filled_validates(make_repo):
    """Not analysed entries, violations, notes, nested functions, classes and packages."""
    repo = make_repo(
        "shop",
        files={
            "broken.py": "def broken(:\n",
            "nul.py": b"\x00",
            "src/shop/nested.py": (
                "class Outer:\n"
                "    class Inner:\n"
                "        def method(self):\n"
                "            def helper():\n"
                "                return 1\n"
                "            return helper()\n"
            ),
        },
    )
    (repo / ".codehealth").mkdir()
    (repo / ".codehealth" / "cache.sqlite").write_bytes(b"junk" * 100)  # produces a note
    document = scan_json(cwd=repo)
    assert document["not_analysed"] and document["violations"] and document["notes"]
    assert document["packages"]
    nested = next(f for f in document["files"] if f["path"] == "src/shop/nested.py")
    assert any(fn["is_nested"] for fn in nested["functions"])
    assert len(nested["classes"]) == 2
    _validator().validate(document)


def test_the_schema_rejects_drift(make_repo):
    """The schema is strict: an unknown field or a wrong type is an error, so a change to
    the output cannot go unnoticed."""
    document = scan_json(cwd=make_repo("shop"))
    validator = _validator()
    extra = copy.deepcopy(document)
    extra["files"][0]["surprise"] = 1
    assert not validator.is_valid(extra)
    wrong_type = copy.deepcopy(document)
    wrong_type["summary"]["files"] = "5"
    assert not validator.is_valid(wrong_type)
    missing = copy.deepcopy(document)
    del missing["schema_version"]
    assert not validator.is_valid(missing)
    bad_rule = copy.deepcopy(document)
    bad_rule["not_analysed"] = [{"path": "x.py", "rule": "CH999", "reason": "?"}]
    assert not validator.is_valid(bad_rule)


def test_summary_agrees_with_the_lists(make_repo):
    document = scan_json(cwd=make_repo("shop", files={"broken.py": "def broken(:\n"}))
    summary = document["summary"]
    assert summary["files"] == len(document["files"])
    assert summary["not_analysed"] == len(document["not_analysed"])
    assert summary["violations"] == len(document["violations"])
    assert summary["functions"] == sum(len(f["functions"]) for f in document["files"])
    assert summary["cyclomatic"] == sum(f["cyclomatic"] for f in document["files"])


@pytest.mark.slow
def test_the_wheel_ships_the_schema(tmp_path):
    """Build the wheel the way a user's pip would and look inside it."""
    pytest.importorskip("hatchling", reason="the build backend is needed to build a wheel")
    project = Path(__file__).resolve().parents[2]
    if not (project / "pyproject.toml").is_file():
        pytest.skip("not running from a source checkout")
    out = tmp_path / "dist"
    completed = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--directory", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    (wheel,) = out.glob("codehealth-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert "codehealth/scanning/scan.schema.json" in names
        # the HTML report's template and the vendored ECharts (the report opens offline)
        assert "codehealth/report/assets/report.html" in names
        assert "codehealth/render/assets/echarts.min.js" in names
        shipped = json.loads(archive.read("codehealth/scanning/scan.schema.json"))
    assert shipped == _schema()
    shutil.rmtree(out)
