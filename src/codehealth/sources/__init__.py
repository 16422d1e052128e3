"""I/O edges: which files exist, their bytes, and the on-disk cache."""

from codehealth.sources.blobs import BlobReader
from codehealth.sources.cache import Cache
from codehealth.sources.codec import CODEC_VERSION, decode, encode
from codehealth.sources.damaged import (
    HistoryUnavailable,
    commits_despite_damage,
    hunks_of_commits,
    revisions_without_renames,
)
from codehealth.sources.discovery import Discovery, discover, is_excluded, left_out
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
from codehealth.sources.ignores import ignoring_rule
from codehealth.sources.reading import (
    NotRegularFileError,
    read_file,
    read_source,
    unusable_file,
)
from codehealth.sources.revision_contents import export_tree, read_blobs, read_worktree
from codehealth.sources.revisions import (
    STAGED,
    WORKTREE,
    ChangedFile,
    changed_files,
    changed_lines,
    changes_and_lines,
    head_commit_or_none,
    merge_base,
    parse_name_status,
    repository_root,
    resolve_commit,
    untracked_later,
)
from codehealth.sources.rules_files import catalogue_texts, rules_folder
from codehealth.sources.writing import replace_file

__all__ = [
    # the history stream and store (hotspots, plan, history)
    "BlobReader",
    "GitError",
    "HistoryStore",
    "HistoryUnavailable",
    "commits_despite_damage",
    "hunks_of_commits",
    "revisions_without_renames",
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
    "left_out",
    "encode",
    "NotRegularFileError",
    "read_file",
    "read_source",
    "replace_file",
    "unusable_file",
    "rules_folder",
    # git revisions (the gate)
    "STAGED",
    "WORKTREE",
    "ChangedFile",
    "changed_files",
    "changed_lines",
    "changes_and_lines",
    "export_tree",
    "head_commit_or_none",
    "is_excluded",
    "ignoring_rule",
    "merge_base",
    "parse_name_status",
    "read_blobs",
    "read_worktree",
    "repository_root",
    "resolve_commit",
    "untracked_later",
]
