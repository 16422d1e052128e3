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
