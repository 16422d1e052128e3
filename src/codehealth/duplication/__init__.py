"""Copied code: normalised tokens, winnowed fingerprints and clone groups across files."""

from codehealth.duplication.detect import (
    file_fingerprints as file_fingerprints,
)
from codehealth.duplication.detect import (
    find_duplication as find_duplication,
)
from codehealth.duplication.detect import (
    per_file as per_file,
)
from codehealth.duplication.fingerprints import (
    FINGERPRINT_VERSION as FINGERPRINT_VERSION,
)
from codehealth.duplication.fingerprints import (
    KGRAM as KGRAM,
)
from codehealth.duplication.fingerprints import (
    WINDOW as WINDOW,
)
from codehealth.duplication.formats import (
    duplication_document as duplication_document,
)
from codehealth.duplication.formats import (
    duplication_line as duplication_line,
)
from codehealth.duplication.formats import (
    duplication_tables as duplication_tables,
)
from codehealth.duplication.matching import (
    clone_groups as clone_groups,
)

__all__ = [
    "FINGERPRINT_VERSION",
    "KGRAM",
    "WINDOW",
    "clone_groups",
    "duplication_document",
    "duplication_line",
    "duplication_tables",
    "file_fingerprints",
    "find_duplication",
    "per_file",
]
