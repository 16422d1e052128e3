"""I/O edges: which files exist, their bytes, and the on-disk cache."""

from codehealth.sources.blobs import BlobReader
from codehealth.sources.cache import Cache
from codehealth.sources.codec import CODEC_VERSION, decode, encode
from codehealth.sources.discovery import Discovery, discover
from codehealth.sources.gitlog import (
    GitError,
    PrefetchedLog,
    RepoFacts,
    count_commits,
    first_parent_ancestor,
    is_ancestor,
    repository_facts,
    stream_commits,
    stream_hunks,
    stream_revisions,
    tree_blobs,
)
from codehealth.sources.history_store import HistoryStore
from codehealth.sources.reading import read_source
from codehealth.sources.rules_files import catalogue_texts, rules_folder

__all__ = [
    # the history stream and store (hotspots, plan, history)
    "BlobReader",
    "GitError",
    "HistoryStore",
    "PrefetchedLog",
    "RepoFacts",
    "count_commits",
    "first_parent_ancestor",
    "is_ancestor",
    "repository_facts",
    "stream_commits",
    "stream_hunks",
    "stream_revisions",
    "tree_blobs",
    "CODEC_VERSION",
    "Cache",
    "Discovery",
    "catalogue_texts",
    "decode",
    "discover",
    "encode",
    "read_source",
    "rules_folder",
]
