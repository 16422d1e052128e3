"""``[tool.codehealth.django]`` and ``include_string_references`` validated (issue 16)."""

from __future__ import annotations

from typing import Any

import pytest

from codehealth.core import DJANGO_CONVENTION, ConfigError, DjangoSettings, parse_settings


def _django(table: dict[str, Any]) -> DjangoSettings:
    return parse_settings({"django": table}, "/p", "pyproject.toml").django


def test_defaults_find_the_project_and_count_its_strings() -> None:
    assert _django({}) == DjangoSettings()
    assert DjangoSettings().settings_module == "" and not DjangoSettings().off
    assert DjangoSettings().apps_are_modules and DjangoSettings().string_references


def test_values_are_read() -> None:
    settings = _django({"settings-module": "mysite.settings", "public": list(DJANGO_CONVENTION)})
    assert settings.settings_module == "mysite.settings"
    assert settings.public == ("models", "apps", "admin", "signals", "urls")
    assert _django({"settings_module": "off"}).off


@pytest.mark.parametrize(
    ("table", "said"),
    [
        ({"settings_module": "my site"}, "settings_module = 'my site': expected a dotted"),
        ({"public": "models"}, "public = 'models': expected a list of submodule names"),
        ({"public": [""]}, "expected a list of submodule names"),
        ({"string_references": "yes"}, "string_references = 'yes': expected true or false"),
        ({"apps": []}, "unknown key 'apps'; known keys: apps_are_modules, public"),
    ],
)
def test_bad_values_name_the_key_and_what_is_expected(table: dict[str, Any], said: str) -> None:
    with pytest.raises(ConfigError, match=r"\[tool\.codehealth\.django\]") as raised:
        _django(table)
    assert said in str(raised.value)


def test_include_string_references_is_a_boundaries_flag() -> None:
    table = {"boundaries": {"include_string_references": True}}
    assert parse_settings(table, "/p", "pyproject.toml").boundaries.include_string_references
    with pytest.raises(ConfigError, match="include_string_references"):
        parse_settings({"boundaries": {"include_string_references": 1}}, "/p", "pyproject.toml")
