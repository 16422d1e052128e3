"""The error every reader raises for a file that is not usable coverage data."""

from __future__ import annotations

from codehealth.core import ConfigError


class CoverageFileError(ConfigError):
    """Not coverage data (wrong format, truncated, hostile XML): exit 2 when the file was
    given, a note when it was found automatically."""
