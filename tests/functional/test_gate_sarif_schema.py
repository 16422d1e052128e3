"""The gate's SARIF validated against the official SARIF 2.1.0 JSON schema (OASIS, vendored
in tests/resources/schemas/ from the sarif-spec repository), on a change with errors and
warnings in paths with spaces and non-ASCII characters."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import jsonschema
from clitools import RESOURCES, Run, git, write_files

SCHEMA = RESOURCES / "schemas" / "sarif-schema-2.1.0.json"

FILES = {
    "pyproject.toml": '[project]\nname = "s"\nversion = "0"\n',
    "shop/__init__.py": 'from .my côde import charge\n__all__ = ["charge"]\n'.replace(
        "my côde", "billing"
    ),
    "shop/billing.py": "def charge(amount):\n    return amount\n",
    "shop/my côde.py": "def f(x):\n    return x\n",
}
CHANGED = {
    "shop/billing.py": "def charge(amount, currency='EUR'):\n    return amount\n",
    "shop/my côde.py": (
        "def f(x):\n    # TODO: 50% done, a: b\n"
        + "".join(f"    if x == {i} and x or x:\n        x += {i}\n" for i in range(12))
        + "    return x\n"
    ),
}


def _validate(document: Any) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(document), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_sarif_is_valid_against_the_official_schema(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("sarif", FILES)
    git(repo, "branch", "-M", "main")
    git(repo, "checkout", "--quiet", "-b", "feature")
    write_files(repo, CHANGED)
    run = cli("gate", "--base", "main", "--no-lint", "--format", "sarif", cwd=repo)
    assert run.code == 1, run.err
    document = run.json()
    _validate(document)
    results = document["runs"][0]["results"]
    levels = {result["level"] for result in results}
    assert "error" in levels and "warning" in levels  # failures and design-review flags
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in results
        for location in result.get("locations", [])
    }
    assert uris
    for uri in uris:
        # relative URI references: percent-encoded, never absolute, no backslashes
        assert not uri.startswith(("/", "file:")) and "\\" not in uri and " " not in uri
        assert quote(unquote(uri), safe="/") == uri
    assert "shop/my%20c%C3%B4de.py" in uris
    fingerprints = [r["partialFingerprints"] for r in results]
    assert len({json.dumps(f, sort_keys=True) for f in fingerprints}) == len(results)


def test_sarif_of_a_clean_change_is_valid(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    repo = make_repo("sarif", FILES)
    git(repo, "branch", "-M", "main")
    run = cli("gate", "--base", "main", "--no-lint", "--format", "sarif", cwd=repo)
    assert run.code == 0, run.err
    _validate(run.json())
    assert run.json()["runs"][0]["results"] == []
