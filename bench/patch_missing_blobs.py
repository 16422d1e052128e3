"""Make a damaged snapshot replayable: stand in an empty blob for every blob that is missing.

A fetched snapshot may lack its largest blobs (netbox's ``contrib/openapi.json`` and
``netbox/extras/data/un_locode.py``), so no commit that holds them can be checked out. For each
of the newest N first-parent commits of BRANCH whose tree holds a missing blob, this writes a
copy of the commit whose tree has the empty blob at those paths, and ``git replace``s the
commit with it. Every hash that ``git log`` and the gate show stays the original one; only the
missing files read as empty. Run once on a clone you may disturb, before ``replay_bench.py``:

    python bench/patch_missing_blobs.py --repo /tmp/corpus/netbox --commits 60

``git replace -d`` (or ``git for-each-ref refs/replace``) undoes it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path


def git(repo: Path, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], input=stdin, capture_output=True, text=True, check=True
    )
    return done.stdout


class TreePatcher:
    """Rewrites trees bottom up, each distinct tree once."""

    def __init__(self, repo: Path) -> None:
        self.repo = repo
        self.empty = git(repo, "hash-object", "-w", "--stdin", stdin="").strip()
        self.done: dict[str, str] = {}  # tree -> patched tree (itself when nothing is missing)

    def patch(self, tree: str, prefix: str = "") -> str:
        if tree not in self.done:
            self.done[tree] = self._patch(tree, prefix)
        return self.done[tree]

    def _patch(self, tree: str, prefix: str) -> str:
        rows = [row for row in git(self.repo, "ls-tree", "-z", tree).split("\0") if row]
        oids = "\n".join(row.split()[2] for row in rows) + "\n"
        present = git(self.repo, "cat-file", "--batch-check", stdin=oids).splitlines()
        out: list[str] = []
        for row, check in zip(rows, present, strict=True):
            meta, name = row.split("\t", 1)
            mode, kind, oid = meta.split()
            if kind == "tree":
                oid = self.patch(oid, f"{prefix}{name}/")
            elif kind == "blob" and check.endswith(" missing"):
                print(f"empty stand-in for {prefix}{name} ({oid})", file=sys.stderr)
                oid = self.empty
            out.append(f"{mode} {kind} {oid}\t{name}")
        patched = git(self.repo, "mktree", "-z", stdin="\0".join(out) + "\0").strip()
        return tree if patched == tree else patched


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, required=True)
    parser.add_argument("--commits", type=int, default=60)
    parser.add_argument("--branch", default="HEAD")
    args = parser.parse_args()
    patcher = TreePatcher(args.repo)
    commits = git(args.repo, "rev-list", "--first-parent", f"-{args.commits}", args.branch)
    replaced = 0
    for commit in commits.split():
        body = git(args.repo, "cat-file", "commit", commit)
        tree = body.split("\n", 1)[0].split()[1]
        patched = patcher.patch(tree)
        if patched != tree:
            copy = body.replace(f"tree {tree}", f"tree {patched}", 1)
            new = git(args.repo, "hash-object", "-t", "commit", "-w", "--stdin", stdin=copy)
            git(args.repo, "replace", "-f", commit, new.strip())
            replaced += 1
    print(f"{replaced} commit(s) replaced", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
