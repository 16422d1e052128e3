"""What every command shares: the exit codes, error handling and the one place that writes."""

from __future__ import annotations

import functools
import os
import shutil
import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import click

EXIT_OK = 0
EXIT_FOUND = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

F = TypeVar("F", bound=Callable[..., int])


def guarded(command: F) -> F:
    """Map errors to exit codes: 2 for configuration/usage, 3 (no traceback) for the rest."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> int:
        from codehealth.config import ConfigError

        context = click.get_current_context()
        debug = bool(context.find_root().params.get("debug"))
        try:
            return command(*args, **kwargs)
        except ConfigError as error:
            click.echo(f"codehealth: error: {error}", err=True)
            context.exit(EXIT_USAGE)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("codehealth: interrupted", err=True)
            context.exit(130)
        except Exception as error:  # noqa: BLE001 - the promise is: never a bare traceback
            if debug:
                traceback.print_exc()
            else:
                click.echo(
                    f"codehealth: internal error: {type(error).__name__}: {error}\n"
                    "Run again with --debug for the traceback, and please report it.",
                    err=True,
                )
            context.exit(EXIT_INTERNAL)
        return EXIT_INTERNAL  # not reached: context.exit raises

    return wrapper  # type: ignore[return-value]


def write(text: str) -> None:
    """The one place that writes a report to standard output."""
    stream = sys.stdout
    try:
        try:
            stream.write(text)
        except UnicodeEncodeError:
            # A file name that is not valid in the output encoding (bytes read through
            # surrogateescape, e.g. a Latin-1 name): write it escaped, never fail the run.
            encoding = stream.encoding or "utf-8"
            stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
        stream.flush()
    except BrokenPipeError:  # `codehealth scan | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def terminal_width() -> int:
    return shutil.get_terminal_size((120, 24)).columns


def project_root() -> str:
    """The project the current folder belongs to: the nearest folder upwards that holds a
    ``pyproject.toml``, else the top of the git work tree, else the current folder (so a
    command run from ``src/`` still reads the project's configuration and cache)."""
    here = os.path.abspath(".")
    folder = here
    while True:
        if os.path.isfile(os.path.join(folder, "pyproject.toml")):
            return folder
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return here
        folder = parent


def from_here(paths: tuple[str, ...]) -> tuple[str, ...]:
    """Paths given on the command line are relative to the current folder, not the root."""
    return tuple(os.path.abspath(path) for path in paths)
