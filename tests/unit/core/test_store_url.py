"""Store URLs are shown with their passwords masked, wherever they appear in a message."""

from __future__ import annotations

import pytest

from codehealth.core.store_url import is_postgres_url, masked


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("postgresql://ci:hunter2@db:5432/health", "postgresql://ci:***@db:5432/health"),
        (
            "cannot reach postgres://u:p%40ss@h/x: timeout",
            "cannot reach postgres://u:***@h/x: timeout",
        ),
        ("postgresql://ci@db/health", "postgresql://ci@db/health"),  # no password: as it is
        ("host=db password=hunter2 dbname=x", "host=db password=*** dbname=x"),
        ("PASSWORD = 'a b'", "PASSWORD = ***"),
    ],
)
def test_passwords_are_masked(text: str, shown: str) -> None:
    assert masked(text) == shown


def test_postgres_urls_of_both_schemes() -> None:
    assert is_postgres_url("postgresql://db/x") and is_postgres_url("postgres://db/x")
    assert not is_postgres_url(".codehealth/history.sqlite")


@pytest.mark.parametrize(
    ("remote", "name"),
    [
        ("git@github.com:Org/shop.git", "github.com/org/shop"),
        ("https://ci:token@github.com/org/shop", "github.com/org/shop"),
        ("ssh://git@gitlab.example:2222/team/api.git", "gitlab.example/team/api"),
        ("https://github.com/org/shop/", "github.com/org/shop"),
        ("", "shop"),  # no remote: the folder's name
    ],
)
def test_a_repository_is_named_by_its_remote_without_credentials(remote: str, name: str) -> None:
    from codehealth.core.store_url import repository_name

    assert repository_name(remote, "/work/shop") == name


def test_the_history_store_setting_takes_only_postgres_urls() -> None:
    from codehealth.core import ConfigError, parse_settings

    table = {"history": {"store": "postgresql://ci@db/health"}}
    assert parse_settings(table, "/p", "pyproject.toml").history.store.endswith("db/health")
    with pytest.raises(ConfigError, match="store = 'sqlite:///x': expected a postgresql://"):
        parse_settings({"history": {"store": "sqlite:///x"}}, "/p", "pyproject.toml")
