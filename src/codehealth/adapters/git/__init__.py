"""git, run as argument lists through one runner: the log, revisions and blobs, the work
tree, ignores, damaged histories."""

from codehealth.adapters.git.blobs import (
    BlobReader as BlobReader,
)
from codehealth.adapters.git.blobs import (
    blob_id as blob_id,
)
from codehealth.adapters.git.contents import (
    RevisionFiles as RevisionFiles,
)
from codehealth.adapters.git.contents import (
    export_tree as export_tree,
)
from codehealth.adapters.git.contents import (
    read_blobs as read_blobs,
)
from codehealth.adapters.git.contents import (
    read_worktree as read_worktree,
)
from codehealth.adapters.git.damaged import (
    HistoryUnavailable as HistoryUnavailable,
)
from codehealth.adapters.git.damaged import (
    commits_despite_damage as commits_despite_damage,
)
from codehealth.adapters.git.damaged import (
    hunks_of_commits as hunks_of_commits,
)
from codehealth.adapters.git.damaged import (
    revisions_without_renames as revisions_without_renames,
)
from codehealth.adapters.git.diff_lines import (
    changed_head_lines as changed_head_lines,
)
from codehealth.adapters.git.ignores import (
    ignoring_rule as ignoring_rule,
)
from codehealth.adapters.git.index import (
    start_clean_blob_ids as start_clean_blob_ids,
)
from codehealth.adapters.git.log import (
    PrefetchedLog as PrefetchedLog,
)
from codehealth.adapters.git.log import (
    RepoFacts as RepoFacts,
)
from codehealth.adapters.git.log import (
    first_commit as first_commit,
)
from codehealth.adapters.git.log import (
    first_parent_ancestor as first_parent_ancestor,
)
from codehealth.adapters.git.log import (
    is_ancestor as is_ancestor,
)
from codehealth.adapters.git.log import (
    repository_facts as repository_facts,
)
from codehealth.adapters.git.log import (
    stream_commits as stream_commits,
)
from codehealth.adapters.git.log import (
    stream_hunks as stream_hunks,
)
from codehealth.adapters.git.log import (
    stream_revisions as stream_revisions,
)
from codehealth.adapters.git.log import (
    tree_blobs as tree_blobs,
)
from codehealth.adapters.git.main_line import (
    main_line_diffs as main_line_diffs,
)
from codehealth.adapters.git.main_line import (
    main_line_steps as main_line_steps,
)
from codehealth.adapters.git.review_facts import (
    commit_subjects as commit_subjects,
)
from codehealth.adapters.git.review_facts import (
    commits_between as commits_between,
)
from codehealth.adapters.git.review_facts import (
    committer_name as committer_name,
)
from codehealth.adapters.git.review_facts import (
    tree_paths as tree_paths,
)
from codehealth.adapters.git.revisions import (
    EMPTY_TREE as EMPTY_TREE,
)
from codehealth.adapters.git.revisions import (
    STAGED as STAGED,
)
from codehealth.adapters.git.revisions import (
    WORKTREE as WORKTREE,
)
from codehealth.adapters.git.revisions import (
    changes_and_lines as changes_and_lines,
)
from codehealth.adapters.git.revisions import (
    head_commit_or_none as head_commit_or_none,
)
from codehealth.adapters.git.revisions import (
    merge_base as merge_base,
)
from codehealth.adapters.git.revisions import (
    repository_root as repository_root,
)
from codehealth.adapters.git.revisions import (
    untracked_later as untracked_later,
)
from codehealth.adapters.git.runner import (
    GitError as GitError,
)
from codehealth.adapters.git.worktree import (
    edited_since_head as edited_since_head,
)
from codehealth.adapters.git.worktree import (
    head_commit_time as head_commit_time,
)
from codehealth.adapters.git.worktree import (
    listed_files as listed_files,
)
from codehealth.adapters.git.worktree import (
    python_files_differ_from_index as python_files_differ_from_index,
)
from codehealth.adapters.git.worktree import (
    unstaged_python_edits as unstaged_python_edits,
)
from codehealth.core import (
    ChangedFile as ChangedFile,
)

__all__ = [
    "EMPTY_TREE",
    "edited_since_head",
    "head_commit_time",
    "changed_head_lines",
    "BlobReader",
    "RevisionFiles",
    "blob_id",
    "ChangedFile",
    "GitError",
    "HistoryUnavailable",
    "PrefetchedLog",
    "STAGED",
    "WORKTREE",
    "changes_and_lines",
    "commit_subjects",
    "commits_between",
    "committer_name",
    "tree_paths",
    "start_clean_blob_ids",
    "commits_despite_damage",
    "export_tree",
    "first_commit",
    "first_parent_ancestor",
    "head_commit_or_none",
    "hunks_of_commits",
    "ignoring_rule",
    "is_ancestor",
    "listed_files",
    "main_line_diffs",
    "main_line_steps",
    "merge_base",
    "python_files_differ_from_index",
    "read_blobs",
    "read_worktree",
    "RepoFacts",
    "repository_facts",
    "repository_root",
    "revisions_without_renames",
    "stream_commits",
    "stream_hunks",
    "stream_revisions",
    "tree_blobs",
    "unstaged_python_edits",
    "untracked_later",
]
