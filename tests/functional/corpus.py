"""The bad-input corpus: sample repositories built by code (nothing large lives in git).

Each ``Case`` is one theme of bad input (encodings, deep nesting, odd file names, a shallow
clone, ...). ``build(case, folder, staged=...)`` makes a git repository in which

* commit 1 on ``main`` is the small ``clean`` project plus ``src/clean/good.py``;
* commit 2 on ``feature`` (checked out) adds the case's files and ``src/clean/fresh.py``,
  and adds a TODO to ``good.py``, so ``gate --base main`` sees every file as touched;
  with ``staged=True`` those changes are staged on top of ``main`` instead (``gate
  --staged``);
* then the case's ``after`` hook changes the work tree in ways git cannot commit (a FIFO,
  a file deleted or replaced by a folder without ``git rm``) or the repository's shape
  (detached HEAD, shallow clone, worktree, ...). The hook returns the folder to run in.

``bad`` maps each bad file to words its reason must contain; ``good`` maps each good file
to a function defined in it, so a test can check the good files were still measured.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from clitools import RESOURCES, commit_all, git, init_repo, write_files

GOOD = "def good(x):\n    if x:\n        return 1\n    return 2\n"
# The changed version of good.py on the feature branch: a new marker for gate and debt.
GOOD_CHANGED = (
    "def good(x):\n    # TODO: corpus marker\n    if x:\n        return 1\n    return 2\n"
)
# fresh.py also imports a private module of the `clean.api` module: a boundaries finding.
FRESH = (
    "from clean.api._impl import helper\n\n\n"
    "def fresh(y):\n    # FIXME: fresh marker\n    return helper(y)\n"
)
API = {"src/clean/api/__init__.py": "", "src/clean/api/_impl.py": "def helper(y):\n    return y\n"}
# Always present and measured, whatever the case.
GOOD_FILES = {"src/clean/good.py": "good", "src/clean/fresh.py": "fresh"}

DEEP = 5000
TEN_MB = 10 * 1024 * 1024

# (repository, scratch folder, staged) -> the folder to run in
Hook = Callable[[Path, Path, bool], Path]


def _same(repo: Path, scratch: Path, staged: bool) -> Path:
    return repo


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, str | bytes] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # symbolic link -> its target
    bad: dict[str, str] = field(default_factory=dict)  # path -> words in its reason
    # What `boundaries` reports when it differs: it reads the package folders (not git's
    # list) with grimp, whose parser (ruff's) knows every Python version's syntax and whose
    # limits differ from CPython's.
    boundaries_bad: dict[str, str] | None = None
    good: dict[str, str] = field(default_factory=dict)  # path -> a function in it
    after: Hook = _same
    # Whether the shape leaves the main/feature branches for gate --base (False: a shallow
    # clone or an empty repository, where the base cannot be found: exit 2).
    has_base: bool = True
    has_head: bool = True  # False: no commit at all
    # True: the files are bad in the work tree only (git's copy is fine, or is a link), so
    # commands that read git objects (history, gate) meet no bad file.
    worktree_only: bool = False


def build(case: Case, folder: Path, *, staged: bool = False) -> Path:
    """The case's repository under ``folder``; returns the folder to run commands in."""
    repo = folder / "repo"
    shutil.copytree(RESOURCES / "clean", repo)
    init_repo(repo)
    write_files(repo, {"src/clean/good.py": GOOD, **API})
    if case.has_head:
        commit_all(repo, "base")
        git(repo, "branch", "-M", "main")
    if not staged and case.has_head:
        git(repo, "checkout", "--quiet", "-b", "feature")
    changes = {"src/clean/good.py": GOOD_CHANGED, "src/clean/fresh.py": FRESH, **case.files}
    # Each folder of the case is a subpackage of `clean`, so that `boundaries` (which reads
    # packages only) meets every bad file too.
    for folder in {os.path.dirname(path) for path in [*case.files, *case.links]}:
        changes.setdefault(f"{folder}/__init__.py", "")
    write_bytes_named(repo, changes)
    for link, target in case.links.items():
        os.symlink(target, repo / link)
    git(repo, "add", "--all")
    if not staged and case.has_head:
        commit_all(repo, "feature")
    return case.after(repo, folder, staged)


def write_bytes_named(repo: Path, files: dict[str, str | bytes]) -> None:
    """write_files, through bytes paths so that names invalid in UTF-8 survive."""
    for relative, content in files.items():
        target = os.path.join(os.fsencode(repo), os.fsencode(relative))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        with open(target, "wb") as handle:
            handle.write(data)


# --- the cases -------------------------------------------------------------------------

_PY = sys.version_info[:2]


# path -> (source, the first Python that parses it, the function it defines)
_NEWER: dict[str, tuple[str, tuple[int, int], str]] = {
    "src/clean/modern/type_alias.py": ("type Vector = list[float]\n", (3, 12), ""),
    "src/clean/modern/generic.py": (
        "def first[T](items: list[T]) -> T:\n    return items[0]\n",
        (3, 12),
        "first",
    ),
    "src/clean/modern/tstring.py": (
        'def greet(name):\n    return t"hi {name}"\n',
        (3, 14),
        "greet",
    ),
    "src/clean/modern/except_star.py": (
        "def handle():\n    try:\n        pass\n    except* ValueError:\n        pass\n",
        (3, 11),
        "handle",
    ),
    "src/clean/modern/except_no_parens.py": (
        "def bare():\n    try:\n        pass\n    except ValueError, TypeError:\n        pass\n",
        (3, 14),
        "bare",
    ),
    "src/clean/modern/match.py": (
        "def where(p):\n    match p:\n        case (0, 0):\n            return 0\n"
        "        case _:\n            return 1\n",
        (3, 10),
        "where",
    ),
}
# The project supports Python 3.10 and later: on each interpreter a construct either parses
# (and is measured) or is reported as newer than the interpreter, never a crash.
_NEWER_BAD = {
    path: "newer than this interpreter" for path, (_, since, _) in _NEWER.items() if since > _PY
}
_NEWER_GOOD = {
    path: function for path, (_, since, function) in _NEWER.items() if since <= _PY and function
}


# 5,000 unary minuses: CPython 3.11 and 3.13 parse and measure them; 3.12's parser hits its
# recursion limit ("nested too deeply", seen with pyenv's 3.12.1); 3.10 and others: either
# answer is right, as long as it is one of the two (the matrix asserts no crash).
_UNARY_BAD = {"src/clean/deep/unary.py": "nested too deeply"} if _PY == (3, 12) else {}
_UNARY_GOOD = {"src/clean/deep/unary.py": "unary"} if _PY in ((3, 11), (3, 13)) else {}


def _huge() -> bytes:
    head = "def lookup(key):\n    if key in DATA:\n        return DATA[key]\n    return None\n\n"
    entry = '    "key%07d": "%s",\n'
    count = TEN_MB // len(entry % (0, "v" * 60)) + 1
    body = "".join(entry % (i, "v" * 60) for i in range(count))
    return (head + "DATA = {\n" + body + "}\n").encode()


def _nested_blocks(depth: int) -> str:
    lines = ["def nested(x):"]
    lines += [" " * (4 * level) + "if x:" for level in range(1, depth + 1)]
    lines.append(" " * (4 * (depth + 1)) + "return x")
    return "\n".join(lines) + "\n"


def _vanish(repo: Path, scratch: Path, staged: bool) -> Path:
    # Tracked files that the work tree no longer has in that form: git still lists them.
    (repo / "src" / "clean" / "vanish" / "gone.py").unlink()
    (repo / "src" / "clean" / "vanish" / "now_a_folder.py").unlink()
    (repo / "src" / "clean" / "vanish" / "now_a_folder.py").mkdir()
    (repo / "src" / "clean" / "vanish" / "now_a_folder.py" / "inner.txt").write_text("not python\n")
    return repo


def _unreadable(repo: Path, scratch: Path, staged: bool) -> Path:
    # Tests run as root, so chmod 000 does not stop a read. A FIFO does: opening one for
    # reading blocks until a writer comes. git cannot track a FIFO, so one replaces a tracked
    # file (git still lists the path), and an untracked one sits beside it (git does not
    # list it, but the boundaries check walks the package folder itself).
    folder = repo / "src" / "clean" / "unreadable"
    (folder / "pipe.py").unlink()
    os.mkfifo(folder / "pipe.py")
    os.mkfifo(folder / "untracked_pipe.py")
    return repo


def _detach(repo: Path, scratch: Path, staged: bool) -> Path:
    git(repo, "checkout", "--quiet", "--detach", "HEAD")
    return repo


def _stage_changes(tree: Path) -> None:
    """The feature's changes, staged in ``tree`` (a clone or worktree of ``main``)."""
    write_files(tree, {"src/clean/good.py": GOOD_CHANGED, "src/clean/fresh.py": FRESH})
    git(tree, "add", "--all")


def _shallow(repo: Path, scratch: Path, staged: bool) -> Path:
    clone = scratch / "shallow"
    git(scratch, "clone", "--quiet", "--depth", "1", repo.as_uri(), "shallow")
    for setting in (("user.name", "Test Author"), ("user.email", "author@example.invalid")):
        git(clone, "config", *setting)
    if staged:
        _stage_changes(clone)
    return clone


def _submodule(repo: Path, scratch: Path, staged: bool) -> Path:
    library = scratch / "library"
    library.mkdir()
    init_repo(library)
    write_files(library, {"lib/__init__.py": "", "lib/inside.py": "def inside():\n    pass\n"})
    commit_all(library, "library")
    # A submodule named like a Python file: git lists a gitlink entry, not a blob.
    for path in ("vendor/library", "plugin.py"):
        git(
            repo,
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "--quiet",
            library.as_uri(),
            path,
        )
    if not staged:
        commit_all(repo, "submodules")
    return repo


def _worktree(repo: Path, scratch: Path, staged: bool) -> Path:
    tree = scratch / "tree"
    if staged:
        git(repo, "worktree", "add", "--quiet", "--detach", str(tree), "main")
        _stage_changes(tree)
    else:
        git(repo, "checkout", "--quiet", "main")
        git(repo, "worktree", "add", "--quiet", str(tree), "feature")
    return tree


def _empty(repo: Path, scratch: Path, staged: bool) -> Path:
    return repo


CASES = [
    Case(
        "syntax",
        files={
            "src/clean/bad/syntax.py": "def broken(:\n    pass\n",
            "src/clean/bad/py2.py": 'print "hello"\nexec "x = 1"\n',
            "src/clean/bad/indent.py": "def f():\nreturn 1\n",
        },
        bad={
            "src/clean/bad/syntax.py": "syntax error",
            "src/clean/bad/py2.py": "syntax error",
            "src/clean/bad/indent.py": "",
        },
    ),
    Case(
        "newer-syntax",
        files={path: source for path, (source, _, _) in _NEWER.items()},
        bad=_NEWER_BAD,
        good=_NEWER_GOOD,
        boundaries_bad={},
    ),
    Case(
        "encodings",
        files={
            "src/clean/enc/latin1.py": b'# coding: latin-1\ndef caf\xe9():\n    return "\xe9"\n',
            "src/clean/enc/cp1252.py": b'# coding: cp1252\ndef euro():\n    return "\x80\x93"\n',
            "src/clean/enc/utf8_bom.py": b"\xef\xbb\xbfdef bom(a, b):\n    return a or b\n",
            "src/clean/enc/utf16_bom.py": "def utf16():\n    return 1\n".encode("utf-16"),
            "src/clean/enc/unknown.py": b"# -*- coding: klingon -*-\nx = 1\n",
            "src/clean/enc/lies_utf8.py": b'# -*- coding: utf-8 -*-\nname = "caf\xe9"\n',
            "src/clean/enc/lies_ascii.py": b'# coding: ascii\nname = "caf\xc3\xa9"\n',
            "src/clean/enc/bom_contradicts.py": b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
            "src/clean/enc/no_declaration.py": b'name = "\xff\xfe\xfd"\n',
        },
        bad={
            "src/clean/enc/utf16_bom.py": "",
            "src/clean/enc/unknown.py": "cannot be decoded",
            "src/clean/enc/lies_utf8.py": "cannot be decoded",
            "src/clean/enc/lies_ascii.py": "cannot be decoded",
            "src/clean/enc/bom_contradicts.py": "cannot be decoded",
            "src/clean/enc/no_declaration.py": "cannot be decoded",
        },
        # grimp reads a file declared ASCII as UTF-8 (which this one is), and lets a UTF-8
        # BOM win over a contradicting declaration.
        boundaries_bad={
            "src/clean/enc/utf16_bom.py": "",
            "src/clean/enc/unknown.py": "cannot be decoded",
            "src/clean/enc/lies_utf8.py": "cannot be decoded",
            "src/clean/enc/no_declaration.py": "cannot be decoded",
        },
        good={
            "src/clean/enc/latin1.py": "café",
            "src/clean/enc/cp1252.py": "euro",
            "src/clean/enc/utf8_bom.py": "bom",
        },
    ),
    Case(
        "nul-bytes",
        files={
            "src/clean/bad/nul.py": b"x = 1\x00\ny = 2\n",
            "src/clean/bad/binary.py": bytes(range(256)) * 4,
        },
        bad={"src/clean/bad/nul.py": "NUL", "src/clean/bad/binary.py": ""},
        boundaries_bad={"src/clean/bad/nul.py": "", "src/clean/bad/binary.py": ""},
    ),
    Case(
        "ten-megabytes",
        files={"src/clean/big/huge.py": _huge()},
        good={"src/clean/big/huge.py": "lookup"},
    ),
    Case(
        "deep-nesting",
        files={
            "src/clean/deep/parentheses.py": "x = " + "(" * DEEP + "1" + ")" * DEEP + "\n",
            "src/clean/deep/lists.py": "x = " + "[" * DEEP + "]" * DEEP + "\n",
            "src/clean/deep/lambdas.py": "x = " + "lambda: " * DEEP + "1\n",
            "src/clean/deep/blocks.py": _nested_blocks(DEEP),
            "src/clean/deep/unary.py": "def unary():\n    return " + "-" * DEEP + "1\n",
            "src/clean/deep/blocks_90.py": _nested_blocks(90),
        },
        bad={
            "src/clean/deep/parentheses.py": "",
            "src/clean/deep/lists.py": "",
            "src/clean/deep/lambdas.py": "",
            "src/clean/deep/blocks.py": "",
        }
        | _UNARY_BAD,
        boundaries_bad={
            "src/clean/deep/parentheses.py": "",
            "src/clean/deep/lists.py": "",
            "src/clean/deep/lambdas.py": "",
            "src/clean/deep/blocks.py": "",
            "src/clean/deep/unary.py": "syntax error",  # ruff's parser stops earlier
        },
        good={"src/clean/deep/blocks_90.py": "nested"} | _UNARY_GOOD,
    ),
    Case(
        "long-lines",
        files={
            "src/clean/long/one_line.py": "def long_line():\n    return ["
            + ", ".join(["1"] * 300_000)
            + "]\n",
            "src/clean/long/string.py": 'def long_string():\n    return "'
            + "x" * 2_000_000
            + '"\n',
        },
        good={"src/clean/long/one_line.py": "long_line", "src/clean/long/string.py": "long_string"},
    ),
    Case(
        "vanishing",
        files={"src/clean/vanish/gone.py": GOOD, "src/clean/vanish/now_a_folder.py": GOOD},
        bad={
            "src/clean/vanish/gone.py": "disappeared",
            "src/clean/vanish/now_a_folder.py": "directory",
        },
        after=_vanish,
        boundaries_bad={},
        worktree_only=True,
    ),
    Case(
        "unreadable",
        files={"src/clean/unreadable/pipe.py": GOOD},
        bad={"src/clean/unreadable/pipe.py": "not a regular file"},
        after=_unreadable,
        boundaries_bad={
            "src/clean/unreadable/pipe.py": "not a regular file",
            "src/clean/unreadable/untracked_pipe.py": "not a regular file",
        },
        worktree_only=True,
    ),
    Case(
        "symlinks",
        files={
            "src/clean/links/__init__.py": "",
            "src/clean/links/real.py": "def real():\n    return 1\n",
        },
        links={
            "src/clean/links/loop.py": "loop.py",
            "src/clean/links/ping.py": "pong.py",
            "src/clean/links/pong.py": "ping.py",
            "src/clean/links/dangling.py": "nowhere/missing.py",
            "src/clean/links/alias.py": "real.py",
        },
        bad={
            "src/clean/links/loop.py": "loop",
            "src/clean/links/ping.py": "loop",
            "src/clean/links/pong.py": "loop",
            "src/clean/links/dangling.py": "broken symbolic link",
        },
        good={"src/clean/links/real.py": "real", "src/clean/links/alias.py": "real"},
        # git stores a link as a blob holding its target's name: history and gate read that
        # and meet no loop (gate --base reads a looping link in the work tree as deleted).
        worktree_only=True,
    ),
    Case(
        "odd-names",
        files={
            "src/clean/names/caf\udce9.py": "def latin_name():\n    return 1\n",
            "src/clean/names/with space.py": "def spaced():\n    return 1\n",
            "src/clean/names/new\nline.py": "def newline_name():\n    return 1\n",
            "src/clean/names/ünïcødé ✓.py": "def unicode_name():\n    return 1\n",
            "src/clean/names/-dash.py": "def dash():\n    return 1\n",
        },
        good={
            "src/clean/names/caf\udce9.py": "latin_name",
            "src/clean/names/with space.py": "spaced",
            "src/clean/names/new\nline.py": "newline_name",
            "src/clean/names/ünïcødé ✓.py": "unicode_name",
            "src/clean/names/-dash.py": "dash",
        },
        boundaries_bad={"src/clean/names/caf\udce9.py": "not valid UTF-8"},
    ),
    Case("detached-head", after=_detach),
    Case("shallow-clone", after=_shallow, has_base=False),
    Case("submodule", after=_submodule),
    Case("worktree", after=_worktree),
    Case("empty-repository", has_base=False, has_head=False),
]

CASE_IDS = [case.name for case in CASES]
