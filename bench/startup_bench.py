"""Start-up of the commands a pre-commit hook and a terminal user run most: ``--version``,
``--help`` and ``gate --staged`` on a one-file staged change in a small repository.

Run from the repository root:  .venv/bin/python bench/startup_bench.py --runs 20
Compare two checkouts:          ... --src /path/a/src --src /path/b/src
Prints the best wall time of ``--runs`` fresh interpreters and the number of codehealth
modules each loads (a busy machine slows the times, not the counts).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROBE = (
    "import json, sys\n"
    "from codehealth.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "names = [n for n in sys.modules if n.split('.')[0] == 'codehealth']\n"
    "sys.__stderr__.write('\\nLOADED=' + json.dumps(len(names)) + '\\n')\n"
)
COMMANDS = {"--version": ["--version"], "--help": ["--help"], "gate --staged": ["gate", "--staged"]}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def sample_repo(folder: Path) -> Path:
    """A 20-file package with one staged edit (no import change)."""
    repo = folder / "sample"
    (repo / "pkg").mkdir(parents=True)
    (repo / "pyproject.toml").write_text('[project]\nname = "pkg"\nversion = "0"\n')
    (repo / "pkg" / "__init__.py").write_text("")
    for n in range(20):
        body = "".join(
            f"def f{i}(x):\n    if x > {i}:\n        return x\n    return -x\n\n" for i in range(10)
        )
        (repo / "pkg" / f"m{n}.py").write_text("import os\n\n" + body)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "-c", "user.name=b", "-c", "user.email=b@b", "add", "-A")
    _git(repo, "-c", "user.name=b", "-c", "user.email=b@b", "commit", "-q", "-m", "base")
    (repo / "pkg" / "m0.py").write_text((repo / "pkg" / "m0.py").read_text() + "X = 1\n")
    _git(repo, "add", "pkg/m0.py")
    return repo


def best(src: str, args: list[str], cwd: Path, runs: int) -> tuple[float, int]:
    env = {**os.environ, "PYTHONPATH": src}
    times, loaded = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", PROBE, *args], cwd=cwd, env=env, capture_output=True, text=True
        )
        times.append(time.perf_counter() - start)
        loaded = json.loads(done.stderr.rpartition("LOADED=")[2].splitlines()[0])
    return min(times), loaded


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--src", action="append", help="a src/ folder (default: ./src)")
    options = parser.parse_args()
    sources = options.src or [str(Path("src").resolve())]
    with tempfile.TemporaryDirectory() as folder:
        repo = sample_repo(Path(folder))
        for src in sources:
            best(src, ["gate", "--staged"], repo, 1)  # warm the gate's cache
        print(f"{'command':16}" + "".join(f"{s[-40:]:>44}" for s in sources))
        for name, args in COMMANDS.items():
            row = [best(src, args, repo, options.runs) for src in sources]
            print(f"{name:16}" + "".join(f"{t * 1000:>30.0f} ms {n:>4} modules" for t, n in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
