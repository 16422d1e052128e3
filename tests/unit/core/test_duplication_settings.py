"""[tool.codehealth.duplication] validated: good values kept, bad ones named."""

from __future__ import annotations

import pytest

from codehealth.core import ConfigError, DuplicationSettings, parse_settings


def test_values_are_read_with_either_spelling() -> None:
    section = {"duplication": {"min-tokens": 80, "min_lines": 8, "exclude": ["gen/*"]}}
    settings = parse_settings(section, "/p", "/p/pyproject.toml")
    assert settings.duplication == DuplicationSettings(
        min_tokens=80, min_lines=8, exclude=("gen/*",)
    )
    assert settings.duplication.excludes("gen/a.py")
    assert parse_settings({}, "/p", "x").duplication == DuplicationSettings()


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ({"min_tokens": 10}, "min_tokens = 10: expected a whole number of 24"),
        ({"min_tokens": True}, "min_tokens = True"),
        ({"min_lines": 0}, "min_lines = 0: expected a whole number of 1"),
        ({"exclude": "gen"}, "exclude = 'gen': expected a list"),
        ({"enabled": "yes"}, "enabled = 'yes': expected true or false"),
        ({"min_token": 50}, "unknown key 'min_token'"),
        ("x", "tool.codehealth.duplication must be a table"),
    ],
)
def test_bad_values_name_the_key(table: object, words: str) -> None:
    with pytest.raises(ConfigError, match=words.replace("[", r"\[")):
        parse_settings({"duplication": table}, "/p", "/p/pyproject.toml")
