"""The command group lists each command from its table without importing it; the table's
one-line help must be the command's own, and every row must name a real command."""

from __future__ import annotations

import importlib

import click
import pytest

from codehealth.cli import COMMANDS, cli


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_row_names_the_command_and_its_own_help(name: str) -> None:
    module, function, short = COMMANDS[name]
    command = getattr(importlib.import_module(module), function)
    assert isinstance(command, click.Command)
    assert command.name == name
    assert command.get_short_help_str(limit=1000) == short


def test_the_group_resolves_every_name_and_only_those() -> None:
    context = click.Context(cli)
    assert cli.list_commands(context) == sorted(COMMANDS)
    assert cli.get_command(context, "scan") is not None
    assert cli.get_command(context, "no-such-command") is None
