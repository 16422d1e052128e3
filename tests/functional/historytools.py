"""Small repositories with a real, dated history for the history/hotspots/plan tests.

Every commit is made with fixed author names, e-mails and dates (``GIT_AUTHOR_DATE``...),
relative to now so that windows such as ``12.months`` hold what the test expects.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from clitools import clean_env, write_files

DAY = 86400


@dataclass
class Step:
    """One commit: who, how many days ago, which files change (None deletes), renames."""

    author: str
    email: str
    days_ago: float
    files: dict[str, str | None] = field(default_factory=dict)
    renames: list[tuple[str, str]] = field(default_factory=list)
    message: str = "change"


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=repo,
        env=env or clean_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def commit(repo: Path, step: Step) -> str:
    for old, new in step.renames:
        (repo / new).parent.mkdir(parents=True, exist_ok=True)
        git(repo, "mv", old, new)
    for path, content in step.files.items():
        if content is None:
            git(repo, "rm", "-q", path)
    write_files(repo, {p: c for p, c in step.files.items() if c is not None})
    git(repo, "add", "--all")
    when = f"{int(time.time() - step.days_ago * DAY)} +0000"
    env = {
        **clean_env(),
        "GIT_AUTHOR_NAME": step.author,
        "GIT_AUTHOR_EMAIL": step.email,
        "GIT_COMMITTER_NAME": step.author,
        "GIT_COMMITTER_EMAIL": step.email,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    git(repo, "commit", "-q", "--no-verify", "--allow-empty", "-m", step.message, env=env)
    return git(repo, "rev-parse", "HEAD").strip()


def make_history(repo: Path, steps: list[Step]) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "commit.gpgsign", "false")
    for step in steps:
        commit(repo, step)
    return repo


def complex_function(name: str, variant: int) -> str:
    """A function well above the cognitive (15) and cyclomatic (10) thresholds; ``variant``
    changes one line inside it."""
    return f"""def {name}(kind, qty, member, coupon, season):
    total = {variant}
    for i in range(qty):
        if kind == "book":
            if member:
                if coupon:
                    total += 1
                elif season:
                    total += 2
                else:
                    total += 3
            elif coupon and season:
                total += 4
        elif kind == "food":
            if member or coupon:
                for j in range(i):
                    if j % 2:
                        total += j
        else:
            while total < 10:
                total += 1
                if total > qty:
                    break
    return total
"""


ANN = ("Ann Example", "ann@example.com")
ANN_OLD = ("ann", "ann@old-laptop.local")  # .mailmap makes her Ann Example again
BOB = ("Bob Builder", "bob@example.com")
BOB_HOME = ("Bob Builder", "bob@home.example")  # same name, another e-mail, no .mailmap entry
BOT = ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com")


def shop_history(repo: Path) -> Path:
    """~10 months of history: billing.py is the hotspot (complex, changed often by Ann and
    Bob), legacy.py is complex but untouched for 2 years, util.py is renamed twice,
    CHANGELOG.md changes every time and a bot commits too."""
    simple = "def total(items):\n    return sum(items)\n"
    steps = [
        Step(
            *ANN,
            800,
            {
                "src/shop/__init__.py": "",
                "src/shop/legacy.py": complex_function("old_price", 0),
                "src/shop/util.py": "def helper():\n    return 1\n",
                "CHANGELOG.md": "start\n",
            },
            message="start",
        ),
        Step(
            *ANN,
            300,
            {
                "src/shop/billing.py": complex_function("price", 0) + "\n\n" + simple,
                "src/shop/orders.py": simple,
                "CHANGELOG.md": "v1\n",
            },
        ),
    ]
    for index in range(1, 9):
        who = ANN if index % 3 else BOB
        if index == 4:
            who = ANN_OLD  # the same person with another name and e-mail: .mailmap joins them
        if index == 6:
            who = BOB_HOME
        files: dict[str, str | None] = {
            "src/shop/billing.py": complex_function("price", index) + "\n\n" + simple,
            "CHANGELOG.md": f"v{index + 1}\n",
        }
        if index % 2:
            files["src/shop/orders.py"] = simple + f"\n\nVERSION = {index}\n"
        steps.append(Step(*who, 280 - index * 30, files, message=f"billing {index}"))
    steps.append(
        Step(
            *BOT,
            20,
            {
                "src/shop/billing.py": complex_function("price", 99) + "\n\n" + simple,
                "requirements.txt": "x==2\n",
            },
            message="bump",
        )
    )
    steps.append(Step(*BOB, 15, {}, renames=[("src/shop/util.py", "src/shop/helpers.py")]))
    steps.append(Step(*BOB, 10, {"src/shop/helpers.py": "def helper():\n    return 2\n"}))
    steps.append(Step(*BOB, 5, {}, renames=[("src/shop/helpers.py", "src/shop/tools.py")]))
    steps.append(
        Step(*BOB, 1, {".mailmap": "Ann Example <ann@example.com> <ann@old-laptop.local>\n"})
    )
    make_history(repo, steps)
    return repo


def shallow_clone(source: Path, target: Path, depth: int) -> Path:
    git(source.parent, "clone", "-q", "--depth", str(depth), f"file://{source}", str(target))
    return target


__all__ = ["DAY", "Step", "commit", "complex_function", "git", "make_history", "os"]
