"""The one blob reader: object ids and ``revision:path`` names, missing names that hold
spaces, names that are not UTF-8, all over one ``git cat-file --batch`` process."""

from __future__ import annotations

import subprocess
from pathlib import Path

from codehealth.adapters.git import RevisionFiles, read_blobs
from codehealth.adapters.git.blobs import BlobReader


def _repo(tmp_path: Path) -> Path:
    env = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path)}
    (tmp_path / "a b.py").write_bytes(b"x = 1\n")
    (tmp_path / "plain.py").write_bytes(b"y = 2\n")
    for args in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base"],
    ):
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True)
    return tmp_path


def test_names_with_spaces_found_and_missing(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    found = read_blobs(str(repo), "HEAD", ["a b.py", "plain.py", "gone with spaces.py"])
    assert found == {"a b.py": b"x = 1\n", "plain.py": b"y = 2\n", "gone with spaces.py": None}


def test_the_reader_answers_in_order_and_keeps_going_after_a_missing_name(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    with BlobReader(str(repo)) as reader:
        answers = list(reader.read_many(["HEAD:no such file", "HEAD:plain.py"]))
        assert answers == [("HEAD:no such file", None), ("HEAD:plain.py", b"y = 2\n")]
        assert reader.read("HEAD:a b.py") == b"x = 1\n"
        assert reader.read("HEAD:\udcff.py") is None  # not UTF-8: asked for as read


def test_revision_files_read_when_asked_and_remember(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    with RevisionFiles(str(repo), "HEAD") as files:
        assert files.read("plain.py") == b"y = 2\n"
        (repo / "plain.py").write_bytes(b"changed on disk\n")  # the revision's, not the disk's
        assert files.read_many(["a b.py", "plain.py", "gone.py"]) == {
            "a b.py": b"x = 1\n",
            "plain.py": b"y = 2\n",
            "gone.py": None,
        }
        assert set(files.read_so_far) == {"a b.py", "plain.py", "gone.py"}
