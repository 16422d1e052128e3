"""The index as a content manifest: the blob id of each tracked file whose work-tree copy
git considers unchanged, so that a cache can be keyed by content without reading the files
(git's stat check, content checked where the stat is racy)."""

from __future__ import annotations

import re
from collections.abc import Callable

from codehealth.adapters.git.runner import GitError, start_git

# "<mode> <id> <stage>\t<path>\0" of a regular file at stage 0 (not a link, whose blob is
# the link's text, nor a submodule, nor a side of a conflict)
_ENTRY = re.compile(r"10(?:0644|0755) ([0-9a-f]+) 0\t([^\0]*)\0")


def start_clean_blob_ids(root: str) -> Callable[[], dict[str, str] | None]:
    """Starts git and returns the function that waits for its answer: path relative to
    ``root`` -> blob id, for the tracked regular files under ``root`` that the work tree
    holds as the index does; None when ``root`` is not in git or git cannot be run. The
    caller works meanwhile (the two git commands run side by side)."""
    try:
        stage = start_git(root, ["ls-files", "--stage", "-z"])
        dirty = start_git(root, ["diff-files", "--name-only", "--relative", "-z"])
    except GitError:
        return lambda: None

    def answer() -> dict[str, str] | None:
        listing, _ = stage.communicate()
        changed, _ = dirty.communicate()
        if stage.returncode != 0 or dirty.returncode != 0:
            return None
        # one decode and one regular expression over the whole listing: per-record parsing
        # was a third of the warm ``codehealth boundaries`` key on a 4,700-file project
        text = listing.decode("utf-8", "surrogateescape")
        ids = {name: blob for blob, name in _ENTRY.findall(text)}
        for name in changed.decode("utf-8", "surrogateescape").split("\0"):
            ids.pop(name, None)
        return ids

    return answer
