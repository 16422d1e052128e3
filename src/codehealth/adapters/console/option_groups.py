"""Command-line options that travel together reach a command as one value.

A command taking each option as its own parameter grows a long signature: ``grouped``
hands the values of a set of options to a builder (a frozen dataclass, typically) and
gives the command the one value it returns, under one keyword.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar, cast

import click

from codehealth.adapters.console.common import config_option, coverage_option
from codehealth.core import Settings

F = TypeVar("F", bound=Callable[..., int])


def grouped(keyword: str, names: tuple[str, ...], build: Callable[..., object]) -> Callable[[F], F]:
    """Decorator of a click command's function, under its ``click.option``s: the values of
    the options whose parameters are ``names`` are given to ``build`` as keywords, and
    the function gets the result as ``keyword`` instead of those values."""

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def wrapper(*args: Any, **values: Any) -> int:
            group = {name: values.pop(name) for name in names}
            return command(*args, **values, **{keyword: build(**group)})

        return cast(F, wrapper)  # click calls it with the options of the command

    return decorate


@dataclass(frozen=True, slots=True)
class Measuring:
    """How the files are measured (and linted): ``--no-cache``, ``--config``, ``--jobs`` and
    ``--coverage`` (the coverage data to join)."""

    no_cache: bool
    config_file: str | None
    jobs: int | None
    coverage_file: str | None = None

    def applied(self, settings: Settings) -> Settings:
        """``settings`` with ``--jobs`` and ``--coverage`` when given."""
        if self.jobs is not None:
            settings = replace(settings, jobs=self.jobs)
        return with_coverage_file(settings, self.coverage_file)


def with_coverage_file(settings: Settings, coverage_file: str | None) -> Settings:
    """``settings`` reading the coverage data of ``--coverage`` (a path from the working
    folder) when it was given, instead of the configured or usual file."""
    if coverage_file is None:
        return settings
    return replace(settings, coverage=os.path.abspath(coverage_file))


_MEASURING_OPTIONS = (
    click.option(
        "--no-cache", is_flag=True, help="Analyse (and lint) every file again; no cache is used."
    ),
    config_option,
    coverage_option,
    click.option("--jobs", type=click.IntRange(min=0), help="Worker processes (0 = one per core)."),
)
_MEASURING = grouped("measuring", ("no_cache", "config_file", "jobs", "coverage_file"), Measuring)


def measuring_options(command: F) -> F:
    """The scan's and the debt's --no-cache, --config, --coverage and --jobs, given to the
    command as one ``measuring`` value."""
    for option in reversed(_MEASURING_OPTIONS):
        command = option(command)
    return _MEASURING(command)
