"""TODO docstring for codehealth.scan."""

from codehealth.scan.checked import (
    accepted_fingerprints as accepted_fingerprints,
)
from codehealth.scan.checked import (
    split_boundaries as split_boundaries,
)
from codehealth.scan.command import (
    scan as scan,
)
from codehealth.scan.formats import (
    SCHEMA_VERSION as SCHEMA_VERSION,
)

__all__ = [
    "SCHEMA_VERSION",
    "accepted_fingerprints",
    "scan",
    "split_boundaries",
]
