"""I/O edges: which files exist, their bytes, and the on-disk cache."""

from codehealth.sources.cache import Cache
from codehealth.sources.codec import CODEC_VERSION, decode, encode
from codehealth.sources.discovery import Discovery, discover
from codehealth.sources.reading import read_source

__all__ = ["CODEC_VERSION", "Cache", "Discovery", "decode", "discover", "encode", "read_source"]
