"""A part computed in isolation: its failure is a note, the user's configuration error is not."""

from __future__ import annotations

import pytest

from codehealth.core import ConfigError, error_text, isolated


def test_a_part_that_works_gives_its_value_and_no_note() -> None:
    notes: list[Exception] = []
    assert isolated(lambda: 42, notes.append) == 42
    assert notes == []


def test_a_part_that_fails_gives_none_and_says_why() -> None:
    notes: list[str] = []

    def broken() -> int:
        raise KeyError("module")

    assert isolated(broken, lambda error: notes.append(error_text(error))) is None
    assert notes == ["KeyError: 'module'"]


def test_a_configuration_error_still_stops_the_run() -> None:
    def misconfigured() -> int:
        raise ConfigError("pyproject.toml: bad")

    with pytest.raises(ConfigError, match="bad"):
        isolated(misconfigured, lambda error: None)


def test_an_interrupt_is_not_swallowed() -> None:
    def interrupted() -> int:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        isolated(interrupted, lambda error: None)
