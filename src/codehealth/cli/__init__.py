"""Command-line interface: click commands only; each returns an exit code."""

from codehealth.cli.group import cli, main

__all__ = ["cli", "main"]
