"""``gate --output FORMAT=PATH``: more reports of the same analysis, each written to a file.

Every value is checked before the analysis runs (a typo costs nothing), and each file is
written atomically through the adapters once the report exists."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from codehealth.core import ConfigError

_EXAMPLE = "e.g. --output sarif=report.sarif"


@dataclass(frozen=True, slots=True)
class Output:
    """One ``--output``: the format, the path as given, that path made absolute, and the
    file it names (symbolic links resolved: two spellings of one file are one file)."""

    output_format: str
    path: str
    absolute: str
    resolved: str


def parse_output(value: str, formats: Sequence[str]) -> tuple[str, str]:
    """``FORMAT=PATH`` -> (format, path); ConfigError naming the value and the fix."""
    output_format, equals, path = value.partition("=")
    output_format = output_format.strip()
    if not equals:
        raise ConfigError(f"--output {value!r}: give FORMAT=PATH, {_EXAMPLE}")
    if output_format not in formats:
        raise ConfigError(
            f"--output {value!r}: unknown format {output_format!r}; choose one of "
            f"{', '.join(formats)} ({_EXAMPLE})"
        )
    if not path.strip():
        raise ConfigError(f"--output {value!r}: the path is empty; {_EXAMPLE}")
    return output_format, path


def check_outputs(
    values: Iterable[str],
    formats: Sequence[str],
    checked: Callable[[str, str], tuple[str, str]],
) -> tuple[Output, ...]:
    """Every ``--output`` value parsed; ``checked(path, option)``: the absolute path and
    the file it names, once its folder proved writable (``output_path``). The same file
    twice is refused (one would overwrite the other)."""
    outputs: list[Output] = []
    seen: dict[str, str] = {}
    for value in values:
        output_format, path = parse_output(value, formats)
        absolute, resolved = checked(path, f"--output {value}")
        same = seen.get(resolved)
        if same is not None:
            raise ConfigError(
                f"--output: {path} is given twice ({same} and {value}): give each format "
                "its own file"
            )
        seen[resolved] = value
        outputs.append(Output(output_format, path, absolute, resolved))
    return tuple(outputs)


def written_to(outputs: Iterable[Output], path: str) -> bool:
    """Is the file ``path`` (resolved like an output's, e.g. ``$GITHUB_STEP_SUMMARY``) one
    of the outputs?"""
    return any(output.resolved == path for output in outputs)
