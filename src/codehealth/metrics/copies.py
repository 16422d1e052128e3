"""A measured project's duplication, and its cache.

Matching every file's fingerprints against the others is a project-wide step, so its result
is cached whole: one entry per set of settings and scope, holding the digest of every file's
content key (and path) it was computed from. An unchanged project reads it back and does not
even load the fingerprints; any change recomputes it from the (cached) fingerprints."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Mapping

from codehealth.adapters.cache import Cache, decode_duplication, encode_duplication
from codehealth.core import Duplication, DuplicationSettings, FileMetrics, Fingerprints
from codehealth.duplication import FINGERPRINT_VERSION, KGRAM, WINDOW, find_duplication


class CopiesCache:
    """The cached duplication of one scope (the paths asked for) under ``settings``."""

    def __init__(self, cache: Cache | None, keys: Mapping[str, str], settings: DuplicationSettings):
        self.cache = cache
        self.settings = settings
        contents = "\0".join(f"{path}\0{keys[path]}" for path in sorted(keys))
        self.digest = hashlib.blake2b(
            contents.encode("utf-8", "surrogateescape"), digest_size=16
        ).hexdigest()
        scope = f"{FINGERPRINT_VERSION}/{KGRAM}/{WINDOW}/{settings!r}/{len(keys)}"
        self.slot = "dupgroups:" + hashlib.blake2b(scope.encode(), digest_size=8).hexdigest()

    def known(self) -> Duplication | None:
        """The cached result, if it was computed from exactly these contents."""
        if self.cache is None:
            return None
        text = self.cache.get_many([self.slot]).get(self.slot)
        if text is None:
            return None
        with contextlib.suppress(ValueError, TypeError):
            digest, encoded = json.loads(text)
            if digest == self.digest:
                return decode_duplication(encoded)
        return None

    def computed(
        self, prints: Mapping[str, Fingerprints | str], files: Mapping[str, FileMetrics]
    ) -> Duplication:
        """Match the fingerprints of the analysed files; cache the result."""
        analysed = {path: value for path, value in prints.items() if path in files}
        lines = {path: metrics.lines.total for path, metrics in files.items()}
        duplication = find_duplication(analysed, lines, self.settings)
        if self.cache is not None:
            entry = json.dumps([self.digest, encode_duplication(duplication)])
            self.cache.put_many([(self.slot, entry)])
        return duplication
