"""The touched files' fingerprints at both sides of a change, kept for the next run: a rerun
on the same change (pre-commit after a failed commit, a retried CI job, a push that leaves
most touched files as they were) does not tokenise them again. Only the last run's are kept:
a long file's fingerprints take ~100 KB, and an edited file's old ones are never asked for
again."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Collection

from codehealth.adapters.cache import Cache, decode_prints, encode_prints
from codehealth.core import Fingerprints
from codehealth.duplication import file_fingerprints

_PREFIX = "touched:"


def content_key(content: bytes) -> str:
    return _PREFIX + hashlib.blake2b(content, digest_size=16).hexdigest()


def touched_fingerprints(
    contents: Collection[bytes], cache: Cache | None
) -> dict[str, Fingerprints | str]:
    """``content_key`` -> the content's fingerprints (or why it has none)."""
    by_key = {content_key(content): content for content in contents}
    known: dict[str, Fingerprints | str] = {}
    if cache is not None and by_key:
        for key, text in cache.get_many(sorted(by_key)).items():
            with contextlib.suppress(ValueError, TypeError):  # damaged: fingerprinted again
                known[key] = decode_prints(text)
    fresh = {key: file_fingerprints(by_key[key]) for key in by_key.keys() - known.keys()}
    if cache is not None and by_key:
        cache.keep_only(_PREFIX, by_key.keys(), ((k, encode_prints(v)) for k, v in fresh.items()))
    return {**known, **fresh}
