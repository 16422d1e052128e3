"""The per-file cache: used on the second run, never trusted when damaged or foreign, safe
after a killed run, absent with --no-cache, and ignored by git."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from clitools import analysed, clean_env, commit_all, git, run_cli, scan_json

CACHE = Path(".codehealth") / "cache.sqlite"


@pytest.fixture
def spy(monkeypatch):
    """Record every file the scan analyses (in-process runs analyse in the calling process
    for projects this small: no pool)."""
    import codehealth.metrics.measure as scan_module

    seen: list[str] = []
    real = scan_module.analyze_module

    def analyze_module(source: bytes, path: str):
        seen.append(path)
        return real(source, path)

    monkeypatch.setattr(scan_module, "analyze_module", analyze_module)
    return seen


def _scan(repo: Path, **options):
    import codehealth

    return codehealth.scan(root=str(repo), **options)


def _rows(repo: Path) -> int:
    connection = sqlite3.connect(repo / CACHE)
    try:
        # the metrics entries (each file's duplication fingerprints are beside them, "dup...")
        query = "SELECT count(*) FROM files WHERE key NOT LIKE 'dup%'"
        return int(connection.execute(query).fetchone()[0])
    finally:
        connection.close()


def _comparable(document: dict) -> dict:
    """The parts of a JSON result that must not depend on the cache."""
    return {key: document[key] for key in ("files", "packages", "not_analysed", "violations")}


def test_second_run_analyses_nothing(make_repo, spy):
    repo = make_repo("shop")
    first = _scan(repo)
    assert sorted(spy) == sorted(f.path for f in first.files)
    assert _rows(repo) == 5
    spy.clear()
    second = _scan(repo)
    assert spy == []  # everything came from the cache
    assert second.files == first.files
    assert second.violations == first.violations


@pytest.mark.slow
def test_second_cli_run_is_served_from_the_cache(make_repo):
    """Evidence without timing: doctor every cache entry (cyclomatic = 999, a value decode()
    accepts) and the second CLI run reports the doctored value; --no-cache does not."""
    repo = make_repo("shop")
    first = scan_json(cwd=repo)
    connection = sqlite3.connect(repo / CACHE)
    try:
        query = "SELECT key, data FROM files WHERE key NOT LIKE 'dup%'"  # the metrics
        rows = connection.execute(query).fetchall()
        doctored = []
        for key, data in rows:
            entry = json.loads(data)
            entry[1] = 999  # the file's cyclomatic complexity
            doctored.append((json.dumps(entry), key))
        connection.executemany("UPDATE files SET data = ? WHERE key = ?", doctored)
        connection.commit()
    finally:
        connection.close()
    assert len(rows) == 5
    second = scan_json(cwd=repo)
    assert {f["cyclomatic"] for f in second["files"]} == {999}
    assert [f["path"] for f in second["files"]] == [f["path"] for f in first["files"]]
    fresh = scan_json("--no-cache", cwd=repo)
    assert _comparable(fresh) == _comparable(first)


def test_changing_one_file_reanalyses_only_that_file(make_repo, spy):
    repo = make_repo("shop")
    _scan(repo)
    fees = repo / "src" / "shop" / "billing" / "fees.py"
    fees.write_text(fees.read_text() + "\n\ndef added(x):\n    return -x if x else x\n")
    spy.clear()
    result = _scan(repo)
    assert spy == ["src/shop/billing/fees.py"]
    changed = next(f for f in result.files if f.path == "src/shop/billing/fees.py")
    assert "added" in [fn.name for fn in changed.functions]
    assert _rows(repo) == 6  # the new content was stored next to the old


def test_a_rename_or_copy_needs_no_analysis(make_repo, spy):
    """Keys are content hashes: the same bytes under another path come from the cache."""
    repo = make_repo("shop")
    _scan(repo)
    git(repo, "mv", "scripts/report.py", "scripts/renamed.py")
    commit_all(repo, "rename")
    spy.clear()
    result = _scan(repo)
    assert spy == []
    assert "scripts/renamed.py" in {f.path for f in result.files}


def test_no_cache_writes_nothing(make_repo, spy):
    repo = make_repo("shop")
    run = run_cli("scan", "--no-cache", cwd=repo)
    assert run.code == 0, run.err
    assert not (repo / ".codehealth").exists()
    _scan(repo, use_cache=False)
    assert not (repo / ".codehealth").exists()
    assert len(spy) == 5


def test_no_cache_does_not_read_the_cache(make_repo, spy):
    repo = make_repo("shop")
    _scan(repo)
    spy.clear()
    _scan(repo, use_cache=False)
    assert len(spy) == 5


def test_the_cache_folder_ignores_itself_for_git(make_repo):
    repo = make_repo("shop")
    run_cli("scan", cwd=repo)
    ignore = repo / ".codehealth" / ".gitignore"
    assert "*" in ignore.read_text().splitlines()
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""


def test_cache_dir_is_configurable(make_repo):
    repo = make_repo("shop")
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace(
            "[tool.codehealth.thresholds]",
            '[tool.codehealth]\ncache_dir = "var/ch"\n\n[tool.codehealth.thresholds]',
        )
    )
    run = run_cli("scan", cwd=repo)
    assert run.code == 0, run.err
    assert (repo / "var" / "ch" / "cache.sqlite").is_file()
    assert (repo / "var" / "ch" / ".gitignore").is_file()
    assert not (repo / ".codehealth").exists()


@pytest.mark.slow
@pytest.mark.parametrize(
    "content",
    [
        pytest.param(os.urandom(8192), id="random-bytes"),
        pytest.param(b"garbage\n", id="text"),
        pytest.param(b"SQLite format 3\x00" + b"\xff" * 4080, id="damaged-header"),
        pytest.param(b"", id="empty"),
    ],
)
def test_a_corrupt_cache_is_rebuilt_with_a_warning(make_repo, content):
    repo = make_repo("shop")
    expected = scan_json("--no-cache", cwd=repo)
    (repo / ".codehealth").mkdir()
    (repo / CACHE).write_bytes(content)
    run = run_cli("scan", "--format", "json", cwd=repo)
    assert run.code == 0, run.err
    document = run.json()
    assert _comparable(document) == _comparable(expected)
    if content:  # an empty file is a valid empty database to SQLite: nothing to warn about
        assert any("cache" in note and "rebuilt" in note for note in document["notes"])
    assert _rows(repo) == 5  # rebuilt and filled
    # The next run trusts the rebuilt cache and has nothing to say.
    again = scan_json(cwd=repo)
    assert again["notes"] == []
    assert _comparable(again) == _comparable(expected)


def test_a_corrupt_cache_warning_shows_in_the_table(make_repo):
    repo = make_repo("shop")
    (repo / ".codehealth").mkdir()
    (repo / CACHE).write_bytes(b"not a database at all" * 100)
    run = run_cli("scan", cwd=repo)
    assert run.code == 0, run.err
    assert run.out.startswith("note: cache ")
    assert "rebuilt" in run.out.splitlines()[0]


@pytest.mark.slow
def test_a_foreign_sqlite_file_is_rebuilt_not_trusted(make_repo):
    repo = make_repo("shop")
    expected = scan_json("--no-cache", cwd=repo)
    (repo / ".codehealth").mkdir()
    foreign = sqlite3.connect(repo / CACHE)
    foreign.execute("CREATE TABLE files (key TEXT PRIMARY KEY, data TEXT)")
    foreign.execute("CREATE TABLE meta (salt TEXT)")
    foreign.execute("INSERT INTO files VALUES ('k', '[1, 2, 3]')")
    foreign.commit()
    foreign.close()
    document = scan_json(cwd=repo)
    assert _comparable(document) == _comparable(expected)
    assert any("not a codehealth cache" in note for note in document["notes"])
    assert _rows(repo) == 5


def test_damaged_entries_are_analysed_again_and_repaired(make_repo, spy):
    repo = make_repo("shop")
    expected = _scan(repo, use_cache=False)
    _scan(repo)
    connection = sqlite3.connect(repo / CACHE)
    connection.execute("UPDATE files SET data = '{not json'")
    connection.commit()
    connection.close()
    spy.clear()
    result = _scan(repo)
    assert sorted(spy) == sorted(f.path for f in expected.files)
    assert result.files == expected.files
    spy.clear()
    _scan(repo)
    assert spy == []  # the entries were rewritten


def test_a_cache_from_another_version_is_emptied(make_repo, spy):
    repo = make_repo("shop")
    _scan(repo)
    connection = sqlite3.connect(repo / CACHE)
    connection.execute("UPDATE meta SET salt = 'codehealth 0.0.1 of long ago'")
    connection.commit()
    connection.close()
    spy.clear()
    _scan(repo)
    assert len(spy) == 5  # nothing trusted
    spy.clear()
    _scan(repo)
    assert spy == []


# -- killed runs ---------------------------------------------------------------------------

# Runs a scan in a child process that dies by SIGKILL at a chosen point of the cache write.
_KILLED_SCAN = textwrap.dedent(
    """
    import os, signal, sys
    import codehealth
    from codehealth.adapters.cache import Cache

    where = sys.argv[1]
    real_put_many = Cache.put_many

    def put_many(self, items):
        rows = list(items)
        if where == "mid-transaction":
            connection = self._connect()
            connection.execute("BEGIN")
            connection.executemany(
                "INSERT OR REPLACE INTO files (key, data) VALUES (?, ?)", rows[: len(rows) // 2]
            )
            os.kill(os.getpid(), signal.SIGKILL)
        real_put_many(self, rows)
        if where == "after-commit":  # committed to the WAL, never checkpointed
            os.kill(os.getpid(), signal.SIGKILL)

    Cache.put_many = put_many
    codehealth.scan(root=".")
    """
)


def _killed_scan(repo: Path, where: str) -> None:
    completed = subprocess.run(
        [sys.executable, "-c", _KILLED_SCAN, where],
        cwd=repo,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == -signal.SIGKILL, completed.stderr


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("where", ["mid-transaction", "after-commit"])
def test_a_cache_written_by_a_killed_run_gives_correct_results(make_repo, where):
    repo = make_repo("shop")
    expected = scan_json("--no-cache", cwd=repo)
    _killed_scan(repo, where)
    assert (repo / CACHE).is_file()
    if where == "after-commit":
        assert (repo / ".codehealth" / "cache.sqlite-wal").is_file()
    document = scan_json(cwd=repo)
    assert _comparable(document) == _comparable(expected)
    assert _rows(repo) == 5
    assert _comparable(scan_json(cwd=repo)) == _comparable(expected)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("damage", ["truncate-half", "truncate-to-header", "garbage-tail"])
def test_a_damaged_write_ahead_log_gives_correct_results(make_repo, spy, damage):
    repo = make_repo("shop")
    expected = _scan(repo, use_cache=False)
    _killed_scan(repo, "after-commit")
    wal = repo / ".codehealth" / "cache.sqlite-wal"
    data = wal.read_bytes()
    assert len(data) > 32
    if damage == "truncate-half":
        wal.write_bytes(data[: len(data) // 2])
    elif damage == "truncate-to-header":
        wal.write_bytes(data[:32])
    else:
        wal.write_bytes(data[: len(data) - 100] + os.urandom(100))
    spy.clear()
    result = _scan(repo)
    assert result.files == expected.files
    assert result.violations == expected.violations
    assert {n.path for n in result.not_analysed} == set()
    # Whatever part of the log survived, the next run is fully served from the cache.
    spy.clear()
    assert _scan(repo).files == expected.files
    assert spy == []


@pytest.mark.slow
def test_a_real_scan_killed_at_any_moment_leaves_a_usable_cache(make_repo):
    """No hook: kill a real CLI run as soon as it has started writing its cache folder."""
    files = {
        f"src/shop/gen_{i}.py": "".join(
            f"def g{i}_{n}(a):\n    return a + {n}\n" for n in range(300)
        )
        for i in range(6)
    }
    repo = make_repo("shop", files=files)
    expected = scan_json("--no-cache", cwd=repo)
    process = subprocess.Popen(
        [sys.executable, "-m", "codehealth", "scan", "--jobs", "1"],
        cwd=repo,
        env=clean_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while process.poll() is None and not (repo / CACHE).exists():
            time.sleep(0.001)  # wait for a file to appear; nothing depends on how long
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=300)
    document = scan_json(cwd=repo)
    assert _comparable(document) == _comparable(expected)
    assert len(analysed(document)) == len(analysed(expected))


@pytest.mark.slow
@pytest.mark.parametrize("blocker", ["folder-is-a-file", "database-is-a-folder"])
def test_an_unusable_cache_location_means_a_run_without_cache(make_repo, blocker):
    repo = make_repo("shop")
    expected = scan_json("--no-cache", cwd=repo)
    if blocker == "folder-is-a-file":
        (repo / ".codehealth").write_text("not a folder")
    else:
        (repo / CACHE).mkdir(parents=True)
    document = scan_json(cwd=repo)
    assert _comparable(document) == _comparable(expected)
    assert any("cache" in note for note in document["notes"]), document["notes"]


@pytest.mark.slow
def test_concurrent_runs_share_the_cache_safely(make_repo):
    repo = make_repo("shop")
    expected = scan_json("--no-cache", cwd=repo)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "codehealth", "scan", "--format", "json"],
            cwd=repo,
            env=clean_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    for process in runs:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        assert _comparable(json.loads(out)) == _comparable(expected)
    assert _rows(repo) == 5


def test_a_cache_write_is_all_or_nothing(tmp_path):
    """put_many is one transaction: a run that fails (or dies) half-way through writing its
    results leaves none of them, never a part (and one commit is much cheaper than many)."""
    from codehealth.adapters.cache import Cache

    cache = Cache(str(tmp_path / "cache"), "salt")
    assert cache.get_many(["a"]) == {}
    rows: list[tuple[str, str | None]] = [("a", "[1]"), ("b", "[2]"), ("c", None)]  # NOT NULL
    cache.put_many(rows)
    cache.close()
    assert any("could not be updated" in note for note in cache.notes)
    connection = sqlite3.connect(tmp_path / "cache" / "cache.sqlite")
    try:
        stored = connection.execute("SELECT key FROM files").fetchall()
    finally:
        connection.close()
    assert stored == []
