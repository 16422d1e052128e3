"""The sample repositories the README's examples run on (see test_readme.py).

``shop``: tests/resources/readme_shop committed with a short, dated history by two authors,
so that every command has something to show: a function over its thresholds and a TODO
(routing.py), an import of billing's private ``_rates`` from orders (a boundary violation),
change frequency for hotspots, and a last commit that makes the code worse for the gate.
``new``: the same project at its last commit, without a ``[tool.codehealth]`` section (for
``codehealth init``). ``staged``: ``shop`` with a FIXME staged in pricing.py and a HACK
left unstaged in fees.py (for ``codehealth gate --staged``).
"""

from __future__ import annotations

from pathlib import Path

from clitools import RESOURCES
from historytools import Step, commit, git, make_history

SAMPLE = RESOURCES / "readme_shop"
ROUTING = "src/shop/orders/routing.py"
PRICING = "src/shop/orders/pricing.py"
FEES = "src/shop/billing/fees.py"
ADA = ("Ada Lovelace", "ada@example.invalid")
BEN = ("Ben Okri", "ben@example.invalid")


def _sample_files() -> dict[str, str]:
    return {
        path.relative_to(SAMPLE).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(SAMPLE.rglob("*"))
        if path.is_file()
    }


def _edit(files: dict[str, str], path: str, old: str, new: str) -> str:
    assert old in files[path], (path, old)
    files[path] = files[path].replace(old, new, 1)
    return files[path]


def _steps() -> list[Step]:
    files = _sample_files()
    steps = [Step(*ADA, days_ago=40, files=dict(files), message="shop: orders and billing")]
    steps.append(
        Step(
            *BEN,
            days_ago=30,
            files={
                PRICING: _edit(files, PRICING, "net = sum(amounts)", "net = float(sum(amounts))")
            },
            message="pricing: float totals",
        )
    )
    steps.append(
        Step(
            *ADA,
            days_ago=20,
            files={
                ROUTING: _edit(
                    files,
                    ROUTING,
                    '"""Pick a warehouse."""',
                    '"""Pick the nearest open warehouse."""',
                )
            },
            message="routing: docstring",
        )
    )
    # The change a pull request would bring: more complexity and a new TODO.
    steps.append(
        Step(
            *BEN,
            days_ago=2,
            files={
                ROUTING: _edit(
                    files,
                    ROUTING,
                    "        if warehouse.closed:\n",
                    "        if warehouse.closed or warehouse.region != order.region:\n",
                ),
                FEES: _edit(
                    files,
                    FEES,
                    "    if amount <= 0:\n",
                    "    # TODO: round per currency\n    if amount <= 0:\n",
                ),
            },
            message="routing: stay in the order's region",
        )
    )
    return steps


def build(kind: str, folder: Path) -> Path:
    """The sample repository ``kind`` ("shop", "new" or "staged") at ``folder/shop``."""
    repo = make_history(folder / "shop", _steps())
    if kind == "new":
        pyproject = repo / "pyproject.toml"
        text = pyproject.read_text(encoding="utf-8")
        pyproject.write_text(text[: text.index("\n# The sample project")] + "\n", "utf-8")
        commit(repo, Step(*ADA, days_ago=1, files={}, message="no codehealth section"))
    elif kind == "staged":
        # A commit in the making: one edit staged, another left unstaged (pre-commit's view).
        files = _sample_files()
        text = files[PRICING].replace(
            "    net = sum(", "    # FIXME: VAT per country\n    net = sum("
        )
        (repo / PRICING).write_text(text.replace("sum(amounts)", "float(sum(amounts))"), "utf-8")
        git(repo, "add", PRICING)
        fees = repo / FEES
        fees.write_text(fees.read_text("utf-8") + "\n# HACK: not staged, not checked\n", "utf-8")
    elif kind != "shop":
        raise ValueError(f"unknown sample repository {kind!r}")
    return repo
