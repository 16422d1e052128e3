"""The history benchmark's corpus: successive sdists of a PyPI project committed in version
order (or a shallow clone of a local repository), and wily in its own virtualenv.

Used by ``history_bench.py``.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
ROOT = HERE.parent
PYTHON = ROOT / ".venv" / "bin" / "python"

ENV = {
    # Installed tools run from their compiled bytecode; this environment sets
    # PYTHONDONTWRITEBYTECODE, which would make every run recompile codehealth.
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CEILING_DIRECTORIES": str(WORK),
}


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    subprocess.run(command, cwd=cwd, env=env or ENV, check=True, capture_output=True)


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version)[:4])


def versions(project: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-m", "pip", "index", "versions", project],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    listed = out.split("Available versions:", 1)[1].strip().splitlines()[0]
    found = [v.strip() for v in listed.split(",") if re.fullmatch(r"[\d.]+", v.strip())]
    return sorted(found, key=_key)


def download(project: str, releases: int) -> list[tuple[str, Path]]:
    """The last ``releases`` sdists (six ``pip download`` at a time); a release whose sdist
    pip cannot prepare (an old setup.py for Python 2) is skipped with a note."""
    from concurrent.futures import ThreadPoolExecutor

    folder = WORK / f"{project}-sdists"
    folder.mkdir(parents=True, exist_ok=True)
    chosen = versions(project)[-releases:]
    unusable_list = folder / "unusable.txt"  # releases pip could not prepare: not retried
    unusable = set(unusable_list.read_text().split()) if unusable_list.exists() else set()

    def fetch(version: str) -> tuple[str, Path] | None:
        existing = glob.glob(str(folder / f"{project}-{version}.*"))
        if not existing and version in unusable:
            return None
        if not existing:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--no-deps",
                    "--no-binary",
                    ":all:",
                    "-q",
                    f"{project}=={version}",
                    "-d",
                    str(folder),
                ],
                capture_output=True,
                check=False,
            )
            existing = glob.glob(str(folder / f"{project}-{version}.*"))
        if not existing:
            print(f"  no usable sdist for {project} {version}: skipped", file=sys.stderr)
            return None
        return version, Path(existing[0])

    with ThreadPoolExecutor(6) as pool:
        found = list(pool.map(fetch, chosen))
    failed = {version for version, item in zip(chosen, found, strict=True) if item is None}
    unusable_list.write_text("\n".join(sorted(unusable | failed)) + "\n")
    return [item for item in found if item is not None]


def build_repository(project: str, archives: list[tuple[str, Path]]) -> Path:
    repo = WORK / f"{project}-history"
    marker = repo / ".git" / "bench-built"
    if marker.exists() and marker.read_text() == str(len(archives)):
        return repo
    shutil.rmtree(repo, ignore_errors=True)
    repo.mkdir(parents=True)
    run(["git", "init", "-q"], repo)
    for index, (version, archive) in enumerate(archives):
        for entry in repo.iterdir():
            if entry.name != ".git":
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        _unpack(archive, repo)
        run(["git", "add", "-A"], repo)
        when = f"{1_400_000_000 + index * 86400 * 14} +0000"
        author = f"Release Manager {index % 7}"
        env = {
            **ENV,
            "GIT_AUTHOR_NAME": author,
            "GIT_AUTHOR_EMAIL": f"rm{index % 7}@example.invalid",
            "GIT_COMMITTER_NAME": author,
            "GIT_COMMITTER_EMAIL": f"rm{index % 7}@example.invalid",
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
        }
        run(["git", "commit", "-q", "--no-verify", "--allow-empty", "-m", version], repo, env)
    marker.write_text(str(len(archives)))
    return repo


def _unpack(archive: Path, target: Path) -> None:
    """The sdist's content without its top folder (``astroid-2.15.0/``)."""
    staging = WORK / "staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as handle:
            handle.extractall(staging)
    else:
        with tarfile.open(archive) as handle:
            handle.extractall(staging, filter="data")
    tops = list(staging.iterdir())
    source = tops[0] if len(tops) == 1 and tops[0].is_dir() else staging
    for entry in source.iterdir():
        shutil.move(str(entry), target / entry.name)
    shutil.rmtree(staging, ignore_errors=True)


def shallow_copy(source: Path, commits: int) -> Path:
    target = WORK / f"{source.resolve().name}-last{commits}"
    if not target.exists():
        run(
            [
                "git",
                "clone",
                "-q",
                "--depth",
                str(commits),
                f"file://{source.resolve()}",
                str(target),
            ],
            WORK,
        )
    return target


def wily_python() -> Path | None:
    venv = WORK / "wily-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        done = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "wily"], capture_output=True, check=False
        )
        if done.returncode != 0:
            print("wily did not install: " + done.stderr.decode()[-500:], file=sys.stderr)
            return None
    return python
