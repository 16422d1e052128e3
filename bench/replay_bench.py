"""Replay a real project's merged history through ``codehealth gate --base C~1``.

Every commit on a well-kept project's first-parent history was reviewed and merged by its
maintainers, so each failure of the gate there is either a regression a reviewer would accept
or noise (a bug of ours). This checks out each of the last N first-parent, non-merge commits
that touch Python files, runs the gate at the project's own configuration (codehealth's
defaults when it has none), and writes one line per commit: the verdict, each failing
problem, the seconds it took; then the totals.

Run from anywhere, on a clone you may disturb (it checks commits out, detached):

    .venv/bin/python bench/replay_bench.py --repo /tmp/corpus/httpx --commits 20 [--out F]

The clone's work tree is restored to its branch at the end. ``.codehealth/`` caches are
removed first so every run starts cold, as a fresh CI checkout would; pass ``--warm`` to keep
them. A commit that cannot be checked out (a blob missing from a damaged snapshot) is listed
as such and skipped, not counted; ``patch_missing_blobs.py`` makes such a snapshot replayable.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CODEHEALTH = [sys.executable, "-m", "codehealth"]


@dataclass(frozen=True)
class Replayed:
    commit: str
    subject: str
    verdict: str  # pass, FAIL, error, skipped
    problems: tuple[str, ...]
    warnings: int
    seconds: float
    level: str = ""  # the review guidance's level ("" when the report has none)
    cochanges: tuple[str, ...] = ()  # the missing co-changes, each with its evidence


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise RuntimeError(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def python_commits(repo: Path, branch: str, count: int) -> list[tuple[str, str]]:
    """The newest ``count`` first-parent non-merge commits that touch a ``.py`` file."""
    out = git(repo, "log", "--first-parent", "--no-merges", "--format=%H\t%s", branch, "--", "*.py")
    rows = [line.split("\t", 1) for line in out.splitlines() if line]
    return [(sha, subject) for sha, subject in rows[:count]]


def replay(
    repo: Path, sha: str, subject: str, warm: bool, months: int = 0, review: str = ""
) -> Replayed:
    try:
        git(repo, "checkout", "--quiet", "--force", "--detach", sha)
    except RuntimeError as error:
        return Replayed(sha, subject, "skipped", (str(error)[:200],), 0, 0.0)
    git(repo, "clean", "-fdxq", "-e", ".codehealth") if warm else git(repo, "clean", "-fdxq")
    config = _window_config(repo, sha, months, review) if months else []
    start = time.perf_counter()
    done = subprocess.run(
        [*CODEHEALTH, "gate", "--base", f"{sha}~1", "--format", "json", *config],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        message = (done.stderr.strip() or done.stdout.strip()).splitlines()[-1:]
        return Replayed(sha, subject, "error", tuple(message), 0, seconds)
    return _judged(sha, subject, done, seconds)


def _judged(
    sha: str, subject: str, done: subprocess.CompletedProcess[str], seconds: float
) -> Replayed:
    """The gate's verdict, its failing problems and its review guidance, from its JSON."""
    report = json.loads(done.stdout)
    errors = [p for p in report["problems"] if p["level"] == "error"]
    warnings = len(report["problems"]) - len(errors)
    problems = tuple(f"{p['rule']} {p['path']}:{p['line']} {p['message']}" for p in errors)
    verdict = "FAIL" if done.returncode == 1 else "pass"
    level, cochanges = _review(report.get("review") or {})
    return Replayed(sha, subject, verdict, problems, warnings, seconds, level, cochanges)


def _window_config(repo: Path, sha: str, months: int, review: str) -> list[str]:
    """``--config`` with a history window of ``months`` before the commit: the guidance's
    history as the reviewer of that commit saw it (a window counts back from today, and a
    replayed commit may be years old). Only for projects without a codehealth table.
    ``review``: lines of a ``[tool.codehealth.review]`` table to try other settings."""
    project = repo / "pyproject.toml"
    if project.exists() and "[tool.codehealth" in project.read_text(errors="replace"):
        raise SystemExit("--review-months: the project configures codehealth; edit its window")
    when = int(git(repo, "log", "-1", "--format=%ct", sha).strip()) - months * 30 * 86400
    day = time.strftime("%Y-%m-%d", time.gmtime(when))
    path = repo.parent / f"{repo.name}-replay-window.toml"
    text = f'[tool.codehealth.history]\nwindow = "{day}"\n'
    path.write_text(text + (f"[tool.codehealth.review]\n{review}\n" if review else ""), "utf-8")
    return ["--config", str(path)]


def _review(review: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    """The level and each missing co-change as a line a person can judge."""
    missing: list[dict[str, Any]] = review.get("missing_cochanges") or []
    lines = tuple(
        f"did you forget {m['path']}? changed with {m['with']} in {m['shared']} commits"
        f" ({100 * m['degree']:.0f} %), e.g. {m['example']}"
        for m in missing
    )
    return str(review.get("level") or ""), lines


def _row_lines(row: Replayed) -> list[str]:
    level = f" review: {row.level}" if row.level else ""
    head = (
        f"- `{row.commit[:10]}` **{row.verdict}** {row.seconds:.1f} s"
        f" ({row.warnings} warnings){level} — {row.subject[:80]}"
    )
    return [head, *(f"    - {line}" for line in (*row.problems, *row.cochanges))]


def render(name: str, rows: list[Replayed]) -> str:
    lines = [f"## {name}", ""]
    for row in rows:
        lines.extend(_row_lines(row))
    counted = [r for r in rows if r.verdict in ("pass", "FAIL")]
    failed = sum(r.verdict == "FAIL" for r in counted)
    errors = sum(r.verdict == "error" for r in rows)
    share = 100 * failed / len(counted) if counted else 0.0
    lines += [
        "",
        f"Totals: {len(counted)} commits replayed, {failed} failed ({share:.0f} %), "
        f"{errors} internal errors, {len(rows) - len(counted) - errors} skipped; "
        f"{sum(r.seconds for r in rows):.0f} s in the gate.",
        "",
    ]
    return "\n".join(lines + _levels(counted))


def _levels(counted: list[Replayed]) -> list[str]:
    """The review levels' counts and the co-change warnings, when the reports had them."""
    levels = Counter(r.level for r in counted if r.level)
    if not levels:
        return []
    warned = sum(len(r.cochanges) for r in counted)
    shown = ", ".join(f"{level} {n}" for level, n in sorted(levels.items()))
    return [f"Review levels: {shown}; {warned} missing co-change warnings.", ""]


def _default_branch(repo: Path) -> str:
    """The clone's default branch: a replay left detached must not replay from there."""
    try:
        git(repo, "rev-parse", "--verify", "--quiet", "origin/HEAD")
    except RuntimeError:
        return "HEAD"
    return "origin/HEAD"


def _restore(repo: Path, ref: str) -> None:
    """Back to where the clone was; a damaged one may refuse, and the report still counts."""
    try:
        git(repo, "checkout", "--quiet", "--force", ref)
    except RuntimeError as error:
        print(f"warning: could not check {ref} out again: {error}", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, required=True)
    parser.add_argument("--commits", type=int, default=20)
    parser.add_argument(
        "--branch", default="", help="history to replay (default: origin/HEAD, else HEAD)"
    )
    parser.add_argument("--warm", action="store_true", help="keep .codehealth/ between commits")
    parser.add_argument("--out", type=Path, help="write the markdown here too")
    parser.add_argument(
        "--review-months",
        type=int,
        default=0,
        help="judge each commit's review guidance with the history of the N months before it",
    )
    parser.add_argument(
        "--review-setting",
        action="append",
        default=[],
        help="with --review-months: a [tool.codehealth.review] line, e.g. cochange_min_shared=5",
    )
    args = parser.parse_args()
    repo = args.repo.resolve()
    start = git(repo, "rev-parse", "--abbrev-ref", "HEAD").strip()
    branch = git(repo, "rev-parse", args.branch or _default_branch(repo)).strip()
    if not args.warm:
        shutil.rmtree(repo / ".codehealth", ignore_errors=True)
    rows: list[Replayed] = []
    try:
        for sha, subject in python_commits(repo, branch, args.commits):
            review = "\n".join(args.review_setting)
            rows.append(replay(repo, sha, subject, args.warm, args.review_months, review))
            print(f"{rows[-1].verdict:7} {sha[:10]} {rows[-1].seconds:5.1f}s", file=sys.stderr)
    finally:
        _restore(repo, start if start != "HEAD" else branch)
    text = render(repo.name, rows)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
