"""The README's comparison with other tools measures one function with each of them: this
test measures it again and fails when a number in the table is not what the tool says.

codehealth and ruff (a dev dependency) are always measured; radon and complexipy (the bench
extra) when they are installed. The README's section is "## How the measures compare with
other tools": its ```python block is the function, its table has one row per tool and measure
with the value for the function and for its nested function (``-`` when the tool does not
report the nested function on its own).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from clitools import Run, clean_env

import codehealth

README = Path(__file__).resolve().parents[2] / "README.md"
HEADING = "## How the measures compare with other tools"
OUTER, INNER = "ship", "ship.fee"

Values = dict[str, str]  # qualified name -> the number as text


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    assert HEADING in text, f"README.md has no {HEADING!r} section"
    return text.split(HEADING, 1)[1].split("\n## ", 1)[0]


def _example() -> str:
    match = re.search(r"```python\n(.*?)```", _section(), re.DOTALL)
    assert match, "the comparison section has no ```python example"
    return match.group(1)


def _table() -> dict[str, tuple[str, str]]:
    rows: dict[str, tuple[str, str]] = {}
    for line in _section().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.fullmatch(r"\d+", cells[1]):
            rows[cells[0]] = (cells[1], cells[2])
    return rows


def _codehealth(measure: str) -> Callable[[Path], Values]:
    def measured(folder: Path) -> Values:
        result = codehealth.scan(root=str(folder))
        return {
            function.qualname: str(getattr(function, measure))
            for file in result.files
            for function in file.functions
        }

    return measured


def _ruff(code: str, setting: str) -> Callable[[Path], Values]:
    def measured(folder: Path) -> Values:
        ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
        if ruff is None:
            pytest.skip("ruff is not installed")
        done = subprocess.run(
            [
                ruff,
                "check",
                "--isolated",
                "--select",
                code,
                "--config",
                f"{setting} = 0",
                "--output-format",
                "json",
                "--exit-zero",
                "ship.py",
            ],
            cwd=folder,
            env=clean_env(),
            capture_output=True,
            text=True,
            check=True,
        )
        values: Values = {}
        for finding in json.loads(done.stdout):
            # "`ship` is too complex (6 > 0)" / "Too many branches (3 > 0)": one per function,
            # in source order; the outer function starts on line 1.
            number = re.search(r"\((\d+) > 0\)", finding["message"])
            assert number, finding["message"]
            name = OUTER if finding["location"]["row"] == 1 else INNER
            values[name] = number.group(1)
        return values

    return measured


def _radon(folder: Path) -> Values:
    complexity = pytest.importorskip("radon.complexity")
    values: Values = {}
    for block in complexity.cc_visit((folder / "ship.py").read_text(encoding="utf-8")):
        values[block.name] = str(block.complexity)
        for closure in block.closures:
            values[f"{block.name}.{closure.name}"] = str(closure.complexity)
    return values


def _complexipy(folder: Path) -> Values:
    complexipy = pytest.importorskip("complexipy")
    measured = complexipy.file_complexity(str(folder / "ship.py"))
    return {function.name: str(function.complexity) for function in measured.functions}


MEASURES: dict[str, Callable[[Path], Values]] = {
    "codehealth: cyclomatic": _codehealth("cyclomatic"),
    "radon: `cc`": _radon,
    "ruff: `C901` (mccabe)": _ruff("C901", "lint.mccabe.max-complexity"),
    "ruff: `PLR0912` (too-many-branches)": _ruff("PLR0912", "lint.pylint.max-branches"),
    "codehealth: cognitive": _codehealth("cognitive"),
    "complexipy": _complexipy,
}


def test_the_table_has_a_row_per_tool() -> None:
    assert set(_table()) == set(MEASURES)


@pytest.mark.parametrize("row", list(MEASURES))
def test_the_numbers_are_what_the_tools_say(row: str, tmp_path: Path) -> None:
    (tmp_path / "ship.py").write_text(_example(), encoding="utf-8")
    measured = MEASURES[row](tmp_path)
    outer, inner = _table()[row]
    assert measured.get(OUTER) == outer, (row, measured)
    assert measured.get(INNER, "-") == inner, (row, measured)


def test_radon_ranks_are_as_written() -> None:
    complexity = pytest.importorskip("radon.complexity")
    metrics = pytest.importorskip("radon.metrics")
    bounds = {"A": (1, 5), "B": (6, 10), "C": (11, 20), "D": (21, 30), "E": (31, 40)}
    dash = "\N{EN DASH}"
    written = ", ".join(f"{rank} {low}{dash}{high}" for rank, (low, high) in bounds.items())
    assert f"({written}, F 41 and above)" in _section()
    for rank, (low, high) in bounds.items():
        assert complexity.cc_rank(low) == complexity.cc_rank(high) == rank
    assert complexity.cc_rank(41) == "F"
    assert "with radon's ranks (A above 19, B above 9, C below)" in _section()
    assert [metrics.mi_rank(score) for score in (19.5, 19, 9.5, 9)] == ["A", "B", "B", "C"]


def test_lint_codes_that_a_codehealth_rule_counts_are_not_charged_twice(
    make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    """The README says codehealth drops ruff's C901, PLR09xx and FIX00x findings because its
    own rules charge the same problems: with the project's ruff selecting them, only the CH
    rules (and the other lint codes) are in the debt."""
    assert "drops those codes (and `FIX001`" in _section()
    repo = make_repo(
        "dropped",
        files={
            "pyproject.toml": (
                '[tool.ruff.lint]\nselect = ["C901", "PLR0913", "FIX", "F401"]\n'
                "[tool.ruff.lint.mccabe]\nmax-complexity = 1\n"
            ),
            "app.py": (
                "import os\n\n\n"
                "def f(a, b, c, d, e, g, h):\n"
                "    # TODO: split\n"
                "    if a and b:\n"
                "        return c\n"
                "    return d\n"
            ),
        },
    )
    run = cli("debt", "--format", "json", "--no-boundaries", "--no-cache", cwd=repo)
    assert run.code == 0, run.err
    # lint findings carry the linter's name: "ruff:F401"
    rules = {finding["rule"].rpartition(":")[2] for finding in run.json()["findings"]}
    assert {"F401", "CH104", "CH201"} <= rules, rules  # ruff ran; codehealth's rules fired
    assert not rules & {"C901", "PLR0913", "FIX002"}, rules


_TACH_MODULES = """source_roots = ["src"]

[[modules]]
path = "shop.orders"
depends_on = {orders}

[[modules]]
path = "shop.billing"
depends_on = []
"""
_CODEHEALTH_MODULES = """[tool.codehealth.modules]
"shop.orders" = {{ depends_on = {orders} }}
"shop.billing" = {{ depends_on = [] }}
"""


@pytest.mark.slow
@pytest.mark.parametrize("declared", ["[]", '["shop.billing"]'])
def test_tach_and_codehealth_check_the_same_declared_dependencies(
    declared: str, make_repo: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    """The README says `depends_on` in [tool.codehealth.modules] is tach's dependency check:
    on the same project both flag the same import, or both pass once it is declared."""
    assert "is the same dependency check (CH304)" in _section()
    tach = shutil.which("tach", path=str(Path(sys.executable).parent))
    if tach is None:
        pytest.skip("tach is not installed (pip install -e '.[bench]')")
    repo = make_repo(
        "deps",
        files={
            "tach.toml": _TACH_MODULES.format(orders=declared),
            "pyproject.toml": _CODEHEALTH_MODULES.format(orders=declared),
            "src/shop/__init__.py": "",
            "src/shop/billing/__init__.py": "from shop.billing.fees import fee\n",
            "src/shop/billing/fees.py": "def fee(x):\n    return x\n",
            "src/shop/orders/__init__.py": "from shop.billing import fee\n\nTOTAL = fee(1)\n",
        },
    )
    done = subprocess.run(
        [tach, "check"], cwd=repo, env=clean_env(), capture_output=True, text=True, check=False
    )
    tach_flags = set(re.findall(r"\[FAIL\] (\S+?:\d+):", done.stdout + done.stderr))
    run = cli("boundaries", "--format", "json", "--no-cache", cwd=repo)
    ours = {
        f"{finding['path']}:{finding['line']}"
        for finding in run.json()["violations"]
        if finding["rule"] == "CH304"
    }
    assert tach_flags == ours
    expected = set() if "billing" in declared else {"src/shop/orders/__init__.py:1"}
    assert ours == expected, run.out
    assert (done.returncode, run.code) == ((0, 0) if not expected else (1, 1)), done.stdout
