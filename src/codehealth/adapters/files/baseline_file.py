"""The baseline file at the project root: read, located, and its fingerprints.

Its format is ``codehealth.core.baseline``'s. A file edited by hand into an invalid form is a
ConfigError naming the line (exit code 2).
"""

from __future__ import annotations

import os

from codehealth.core import Baseline, BaselineError, ConfigError, Settings, parse_baseline


def baseline_path(settings: Settings) -> str:
    return os.path.join(settings.root, settings.gate.baseline)


def read_baseline(path: str) -> Baseline | None:
    """The baseline at ``path`` (None when there is none); ConfigError naming the line."""
    try:
        # surrogateescape: a path that is not UTF-8 comes back as it was written
        with open(path, encoding="utf-8", errors="surrogateescape") as handle:
            text = handle.read()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read: {error}") from None
    try:
        return parse_baseline(text)
    except BaselineError as error:
        raise ConfigError(
            f"{path}:{error.line}: invalid baseline: {error}. Fix the line, or recreate "
            "the file with `codehealth baseline` after deleting it"
        ) from None


def accepted_fingerprints(settings: Settings) -> frozenset[str] | None:
    """The fingerprints in the project's baseline; None when it has none."""
    baseline = read_baseline(baseline_path(settings))
    return None if baseline is None else baseline.fingerprints
