"""Time ``codehealth boundaries`` side by side with ``lint-imports`` and ``tach check`` on
Django's source, and check that the contract results equal lint-imports'.

Run from the repository root:  .venv/bin/python bench/boundaries_bench.py --runs 5 [--write]

The pinned Django sdist is downloaded once into bench/.work/ (sha256 checked) and unpacked into
its own folder, bench/.work/boundaries/django-5.2.8, so this benchmark's configuration files
(.importlinter, tach.toml) and caches never touch the scan benchmark's copy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from django_sdist import DJANGO, django_archive

BENCH = Path(__file__).resolve().parent
WORK = BENCH / ".work"
HERE = WORK / "boundaries"
CORPUS = HERE / f"django-{DJANGO}"
BIN = Path(sys.executable).parent
RESULTS = BENCH / "BOUNDARIES_RESULTS.md"

# The contracts given to both lint-imports and codehealth (codehealth reads this file as is).
IMPORTLINTER = """\
[importlinter]
root_package = django

[importlinter:contract:utils-pure]
name = django.utils does not import django.db or django.contrib
type = forbidden
source_modules =
    django.utils
forbidden_modules =
    django.db
    django.contrib

[importlinter:contract:layers]
name = Layers: contrib, views, db, utils
type = layers
layers =
    django.contrib
    django.views
    django.db
    django.utils

[importlinter:contract:independent]
name = Templates and mail are independent
type = independence
modules =
    django.template
    django.core.mail

[importlinter:contract:dispatch]
name = django.dispatch imports nothing of django.db
type = forbidden
source_modules =
    django.dispatch
forbidden_modules =
    django.db
    django.http
"""

# tach's nearest equivalent: the same four layers, and the two "independent" modules not
# depending on each other. tach checks direct imports only (import-linter also follows
# indirect chains), so its findings are not expected to be the same.
TACH = """\
source_roots = ["."]
exclude = ["tests", "docs", "scripts", "extras", "js_tests"]
layers = ["contrib", "views", "db", "utils"]

[[modules]]
path = "django.contrib"
layer = "contrib"
depends_on = []

[[modules]]
path = "django.views"
layer = "views"
depends_on = []

[[modules]]
path = "django.db"
layer = "db"
depends_on = []

[[modules]]
path = "django.utils"
layer = "utils"
depends_on = []

[[modules]]
path = "django.template"
depends_on = []

[[modules]]
path = "django.core.mail"
depends_on = []
"""


def corpus() -> Path:
    archive = django_archive()
    if not (CORPUS / "django").is_dir():
        HERE.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            tar.extractall(HERE, filter="data")
    (CORPUS / ".importlinter").write_text(IMPORTLINTER, encoding="utf-8")
    (CORPUS / "tach.toml").write_text(TACH, encoding="utf-8")
    return CORPUS


def environment() -> dict[str, str]:
    # PYTHONDONTWRITEBYTECODE would make every run compile codehealth from source, which no
    # installed tool pays (lint-imports and tach are byte-compiled by pip).
    skip = {"FORCE_COLOR", "TERM", "PYTHONDONTWRITEBYTECODE"}
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env["GIT_CEILING_DIRECTORIES"] = str(HERE)  # the sdist is a plain folder, not this repo
    env["COLUMNS"] = "200"  # lint-imports' rich output: no wrapping, comparable text
    env["NO_COLOR"] = "1"
    return env


@dataclass
class Tool:
    name: str
    command: list[str]
    before: Callable[[], None] = lambda: None
    output: str = ""
    code: int = 0
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds of the process tree

    @property
    def best(self) -> float:
        return min(self.times)

    @property
    def best_cpu(self) -> float:
        return min(self.cpu)


def remove(*paths: str) -> Callable[[], None]:
    def run() -> None:
        for path in paths:
            shutil.rmtree(CORPUS / path, ignore_errors=True)

    return run


def tools() -> list[Tool]:
    codehealth = [str(BIN / "codehealth"), "boundaries", "--format", "json"]
    return [
        Tool("lint-imports --no-cache", [str(BIN / "lint-imports"), "--no-cache", "--no-logo"]),
        Tool(
            "lint-imports (cache warm)",
            [str(BIN / "lint-imports"), "--no-logo"],
        ),
        Tool("tach check", [str(BIN / "tach"), "check"], remove(".tach")),
        Tool("codehealth cold", codehealth, remove(".codehealth")),
        Tool("codehealth warm", codehealth),
    ]


def run_all(selected: list[Tool], runs: int) -> None:
    env = environment()
    # Fill lint-imports' and codehealth's caches once so "warm" rows start warm.
    subprocess.run(selected[1].command, cwd=CORPUS, env=env, capture_output=True, check=False)
    subprocess.run(selected[4].command, cwd=CORPUS, env=env, capture_output=True, check=False)
    for _ in range(runs):
        for tool in selected:
            if not shutil.which(tool.command[0]):
                continue
            tool.before()
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(
                tool.command, cwd=CORPUS, env=env, capture_output=True, text=True, check=False
            )
            tool.times.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            tool.cpu.append(after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime)
            tool.output, tool.code = done.stdout + done.stderr, done.returncode


def blocks(text: str) -> list[str]:
    return sorted(b.strip() for b in re.split(r"\n\s*\n", text) if b.strip())


def lint_imports_results(output: str) -> dict[str, tuple[bool, list[str]]]:
    kept = {m[1]: m[2] == "KEPT" for m in re.finditer(r"^(.+?) (KEPT|BROKEN)$", output, re.M)}
    results = {}
    for name, is_kept in kept.items():
        details: list[str] = []
        heading = f"{name}\n{'-' * len(name)}\n"
        if not is_kept and heading in output:
            rest = output[output.index(heading) + len(heading) :]
            following = re.search(r"^\S.*\n-+\n", rest, re.M)
            details = blocks(rest[: following.start()] if following else rest)
        results[name] = (is_kept, details)
    return results


def chain_lengths(details: list[str]) -> list[int]:
    return sorted(len(re.findall(r"[\w.]+ -> [\w.]+", block)) for block in details)


def compare(lint: Tool, codehealth: Tool) -> tuple[bool, str]:
    """Kept/broken must be equal, and so must each broken contract's chains, counted by
    length: among equally short chains lint-imports itself picks different ones from one run
    to the next (grimp's shortest-chain search), so the text is compared on the test
    fixtures, where shortest chains are unique, not here."""
    expected = {
        name: (kept, chain_lengths(details))
        for name, (kept, details) in lint_imports_results(lint.output).items()
    }
    document: dict[str, Any] = json.loads(codehealth.output[: codehealth.output.rindex("}") + 1])
    got = {
        c["name"]: (c["kept"], chain_lengths(blocks(c["details"]))) for c in document["contracts"]
    }
    same = expected == got and bool(expected)
    lines = [
        f"{name}: lint-imports {'KEPT' if expected.get(name, (None,))[0] else 'BROKEN'}, "
        f"codehealth {'KEPT' if kept else 'BROKEN'}; {len(lengths)} chains, lengths "
        f"{'identical' if expected.get(name, (None, None))[1] == lengths else 'DIFFER'}"
        for name, (kept, lengths) in got.items()
    ]
    summary = document["summary"]
    lines.append(
        f"codehealth also found {summary['violations']} boundary findings "
        f"({', '.join(f'{r} {n}' for r, n in _rules(document).items())}), "
        f"{summary['cycles']} cycles between {summary['modules']} modules"
    )
    return same, "\n".join(lines)


def _rules(document: dict[str, Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for violation in document["violations"]:
        counts[violation["rule"]] = counts.get(violation["rule"], 0) + 1
    return dict(sorted(counts.items()))


def table(selected: list[Tool]) -> str:
    lint_cold, lint_warm = selected[0].best, selected[1].best
    rows = [
        (
            "tool",
            "wall s (best)",
            "÷ lint-imports --no-cache",
            "÷ lint-imports warm",
            "CPU s (best)",
            "exit",
        )
    ]
    for tool in selected:
        if not tool.times:
            rows.append((tool.name, "not installed", "", "", "", ""))
            continue
        rows.append(
            (
                tool.name,
                f"{tool.best:.3f}",
                f"{tool.best / lint_cold:.2f}",
                f"{tool.best / lint_warm:.2f}",
                f"{tool.best_cpu:.3f}",
                str(tool.code),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows)
    return "\n".join(line.rstrip() for line in lines)


def versions() -> str:
    found = []
    for name in ("codehealth", "import-linter", "grimp", "tach"):
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS.name}")
    args = parser.parse_args()
    corpus()
    selected = tools()
    run_all(selected, args.runs)
    same, comparison = compare(selected[0], selected[3])
    cold = selected[3].best / selected[0].best
    warm = selected[4].best / selected[1].best
    text = "\n".join(
        [
            f"Django {DJANGO} sdist, django/ ({sum(1 for _ in (CORPUS / 'django').rglob('*.py'))} "
            f"files); best of {args.runs} runs, round-robin; {os.cpu_count()} cores, "
            f"{platform.python_implementation()} {platform.python_version()}; {versions()}",
            "",
            table(selected),
            "",
            f"codehealth cold ÷ lint-imports --no-cache = {cold:.2f} (target ≤ 1.5): "
            f"{'met' if cold <= 1.5 else 'NOT met'}",
            f"codehealth warm ÷ lint-imports warm = {warm:.2f} (target ≤ 0.5): "
            f"{'met' if warm <= 0.5 else 'NOT met'}",
            f"contract results identical to lint-imports: {'yes' if same else 'NO'}",
            f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
            "(other work on the machine makes these timings noisy)",
            comparison,
            "",
            f"reproduce: .venv/bin/python bench/boundaries_bench.py --runs {args.runs}",
        ]
    )
    print(text)
    if args.write:
        RESULTS.write_text(f"# boundaries benchmark\n\n```\n{text}\n```\n", encoding="utf-8")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
