"""The regular files of a revision with their blob ids: executables kept, links left out,
names with tabs, spaces or bytes that are not UTF-8 kept as they are."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from codehealth.adapters.git import blob_id, tree_blobs


def test_regular_files_and_their_ids(tmp_path: Path) -> None:
    env = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path)}
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a b\tc.py").write_bytes(b"x = 1\n")
    (tmp_path / "run.sh").write_bytes(b"echo\n")
    os.chmod(tmp_path / "run.sh", 0o755)
    os.symlink("run.sh", tmp_path / "link.sh")
    (tmp_path / os.fsdecode(b"caf\xe9.py")).write_bytes(b"y = 2\n")
    for args in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base"],
    ):
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True)
    assert tree_blobs(str(tmp_path), "HEAD") == {
        "pkg/a b\tc.py": blob_id(b"x = 1\n"),
        "run.sh": blob_id(b"echo\n"),
        os.fsdecode(b"caf\xe9.py"): blob_id(b"y = 2\n"),
    }


def test_a_commit_is_listed_once_and_a_ref_every_time(tmp_path: Path) -> None:
    env = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path)}

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True
        )
        return done.stdout.decode().strip()

    commit = ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm"]
    git("init", "-q")
    (tmp_path / "a.py").write_bytes(b"x = 1\n")
    git("add", ".")
    git(*commit, "one")
    first = git("rev-parse", "HEAD")
    listed = tree_blobs(str(tmp_path), first)
    listed["changed by the caller"] = "x"  # a copy: the remembered listing is not touched
    (tmp_path / "b.py").write_bytes(b"y = 2\n")
    git("add", ".")
    git(*commit, "two")
    assert tree_blobs(str(tmp_path), first) == {"a.py": blob_id(b"x = 1\n")}
    assert set(tree_blobs(str(tmp_path), "HEAD")) == {"a.py", "b.py"}
