"""What every command shares: the exit codes, error handling and the one place that writes."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import sys
import traceback
from collections.abc import Callable, Iterator
from typing import IO, Any, TypeVar, cast

import click

EXIT_OK = 0
EXIT_FOUND = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

F = TypeVar("F", bound=Callable[..., int])


def guarded(command: F) -> F:
    """Map errors to exit codes: 2 for configuration/usage, 3 (no traceback) for the rest.
    While the command runs, its output is safe for a CI log (``ci_safe``)."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> int:
        context = click.get_current_context()
        debug = bool(context.find_root().params.get("debug"))
        with _ci_safe_output():
            return _run(command, context, debug, *args, **kwargs)

    return cast(F, wrapper)  # the wrapper takes and returns what the command does


def _run(command: Callable[..., int], context: Any, debug: bool, *args: Any, **kwargs: Any) -> int:
    from codehealth.core import ConfigError

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


# C0 control characters a file name or a comment can carry (not tab or line feed): shown as
# \xNN. CR would end a line for a CI runner; ESC would drive a terminal. (JSON output holds
# none: json.dumps escapes them.)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")
# A line a CI runner takes as a command: GitHub ("::error ...", the older "##[...]") and
# Azure Pipelines ("##vso[...]"). No report line starts so; one that does is the rest of a
# value with a line break in it (a file name), and gets a backslash in front.
_COMMAND = re.compile(r"^([ \t]*)(::|##\[|##vso\[)", re.MULTILINE)


def ci_safe(text: str) -> str:
    """``text`` as it may appear in a CI log: nothing in it is a workflow command."""
    text = _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)
    return _COMMAND.sub(lambda match: f"{match.group(1)}\\{match.group(2)}", text)


class _CiSafeStream:
    """A text stream that writes ``ci_safe`` text to ``unguarded`` (everything else is the
    wrapped stream's; no ``buffer``, so nothing can write around it)."""

    def __init__(self, stream: IO[str]) -> None:
        self.unguarded = stream

    def write(self, text: str) -> int:
        return self.unguarded.write(ci_safe(text))

    def __getattr__(self, name: str) -> Any:
        if name == "buffer":
            raise AttributeError(name)
        return getattr(self.unguarded, name)


@contextlib.contextmanager
def _ci_safe_output() -> Iterator[None]:
    """stdout and stderr, when they are not a terminal (a CI log, a pipe), only carry
    ``ci_safe`` text: file names, function names and messages from the analysed
    repository cannot issue workflow commands (``::set-output``, ``::add-mask``...)."""
    saved = sys.stdout, sys.stderr
    try:
        for name in ("stdout", "stderr"):
            stream = getattr(sys, name)
            wrapped = stream is None or isinstance(stream, _CiSafeStream)
            if not wrapped and not _isatty(stream):
                setattr(sys, name, _CiSafeStream(stream))
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _isatty(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def write(text: str, *, commands: bool = False) -> None:
    """The one place that writes a report to standard output. ``commands``: the text is
    workflow commands (``gate --format github``), escaped by their renderer."""
    stream = sys.stdout
    if commands:
        stream = getattr(stream, "unguarded", stream)
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


def table_width() -> int | None:
    """The width for rich tables on a terminal; None in a pipe (plain text)."""
    return terminal_width() if stdout_is_terminal() else None


def from_here(paths: tuple[str, ...]) -> tuple[str, ...]:
    """Paths given on the command line are relative to the current folder, not the root."""
    return tuple(os.path.abspath(path) for path in paths)


# --config, the same on every command that reads settings
config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="pyproject.toml to read instead of ./pyproject.toml.",
)


coverage_option = click.option(
    "--coverage",
    "coverage_file",
    type=click.Path(dir_okay=False),
    help="Coverage data to read: .coverage, coverage.xml (Cobertura) or LCOV. Default: "
    'coverage = "..." in [tool.codehealth], else the newest of .coverage, coverage.xml, '
    "coverage.lcov, lcov.info and coverage/lcov.info at the root; none: no coverage figures.",
)


def verbose_option(command: F) -> F:
    """``--verbose``: list on stderr what file discovery left out (hidden and vendored
    folders, generated files), for the duration of the command."""
    option = click.option(
        "--verbose",
        "-v",
        is_flag=True,
        expose_value=False,
        callback=_verbose,
        help="List on stderr the folders and files left out by default: hidden and "
        "vendored folders, generated files.",
    )
    return option(command)


def _verbose(context: click.Context, _: click.Parameter, value: bool) -> None:
    if not value:
        return
    import logging

    class Echo(logging.Handler):
        """Records as ``codehealth: message`` lines on stderr (the CI-safe stream)."""

        def emit(self, record: logging.LogRecord) -> None:
            click.echo(f"codehealth: {record.getMessage()}", err=True)

    logger = logging.getLogger("codehealth")
    handler = Echo()
    saved = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    def remove() -> None:
        logger.removeHandler(handler)
        logger.setLevel(saved)

    context.call_on_close(remove)
