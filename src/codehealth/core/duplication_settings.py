"""``[tool.codehealth.duplication]``: what counts as a clone."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass

# The detector sees every shared run of at least this many tokens (fingerprint size plus
# winnowing window, minus one: see duplication/fingerprints.py); a smaller minimum would
# promise clones it cannot find.
MIN_TOKENS_FLOOR = 24


@dataclass(frozen=True, slots=True)
class DuplicationSettings:
    """``min_tokens``/``min_lines``: a copy is reported when it is at least this many
    normalised tokens and this many lines long (both). ``exclude``: globs of files whose
    copies are not reported (generated or vendored code the other excludes let through).
    ``enabled``: false skips the detector (and its cost) entirely."""

    enabled: bool = True
    min_tokens: int = 50
    min_lines: int = 6
    exclude: tuple[str, ...] = ()

    def excludes(self, path: str) -> bool:
        return any(fnmatch.fnmatch(path, pattern) for pattern in self.exclude)
