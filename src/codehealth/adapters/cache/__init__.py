"""The measurement cache: values keyed by content hash, in ``.codehealth/cache``."""

from codehealth.adapters.cache.codec import (
    CODEC_VERSION as CODEC_VERSION,
)
from codehealth.adapters.cache.codec import (
    PRINT_RECORD as PRINT_RECORD,
)
from codehealth.adapters.cache.codec import (
    decode as decode,
)
from codehealth.adapters.cache.codec import (
    decode_duplication as decode_duplication,
)
from codehealth.adapters.cache.codec import (
    decode_prints as decode_prints,
)
from codehealth.adapters.cache.codec import (
    encode as encode,
)
from codehealth.adapters.cache.codec import (
    encode_duplication as encode_duplication,
)
from codehealth.adapters.cache.codec import (
    encode_prints as encode_prints,
)
from codehealth.adapters.cache.codec import (
    pack_prints as pack_prints,
)
from codehealth.adapters.cache.codec import (
    print_terms as print_terms,
)
from codehealth.adapters.cache.codec import (
    unpack_prints as unpack_prints,
)
from codehealth.adapters.cache.opening import (
    open_database as open_database,
)
from codehealth.adapters.cache.store import (
    Cache as Cache,
)
from codehealth.adapters.cache.store import (
    prepare_directory as prepare_directory,
)

__all__ = [
    "PRINT_RECORD",
    "unpack_prints",
    "print_terms",
    "pack_prints",
    "open_database",
    "CODEC_VERSION",
    "Cache",
    "decode",
    "decode_duplication",
    "decode_prints",
    "encode_duplication",
    "encode",
    "encode_prints",
    "prepare_directory",
]
