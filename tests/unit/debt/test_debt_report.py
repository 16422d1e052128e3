"""Aggregation: SQALE ratio and ratings, modules, what to fix first."""

from __future__ import annotations

import pytest

from codehealth.core import Finding
from codehealth.debt import module_names
from codehealth.debt.report import Basis, DebtOfTests, build_report, fix_first, rating


@pytest.mark.parametrize(
    "ratio, letter",
    [(0, "A"), (0.05, "A"), (0.0501, "B"), (0.10, "B"), (0.2, "C"), (0.5, "D"), (0.51, "E")],
)
def test_ratings(ratio: float, letter: str) -> None:
    assert rating(ratio) == letter


def finding(path: str, minutes: float, rule: str = "CH201", **more: object) -> Finding:
    return Finding(rule, path, 1, "m", remediation_minutes=minutes, **more)  # type: ignore[arg-type]


def test_ratio_is_remediation_over_lines_times_minutes_per_line() -> None:
    report = build_report(
        [finding("a/x.py", 30), finding("a/x.py", 30), finding("b/y.py", 15, "ruff:F401")],
        Basis(
            {"a/x.py": 10, "b/y.py": 10, "c/z.py": 20},
            {"a/x.py": "a", "b/y.py": "b", "c/z.py": "c"},
            {"CH201": "markers"},
            minutes_per_line=30,
        ),
    )
    assert report.project.minutes == 75
    assert report.project.ratio == pytest.approx(75 / (40 * 30))
    assert report.project.rating == "B"
    assert [m.debt.name for m in report.modules] == ["a", "b", "c"]
    a = report.modules[0]
    assert a.debt.ratio == pytest.approx(60 / 300) and a.debt.rating == "C"
    assert a.top_files[0].name == "a/x.py"
    assert dict(report.project.by_family) == {"markers": 60, "lint": 15}
    half = build_report([finding("a/x.py", 30)], Basis({"a/x.py": 10}, {}, {}, minutes_per_line=15))
    assert half.project.ratio == pytest.approx(0.2)


def test_module_names_cut_package_names_to_the_depth() -> None:
    packages = {
        "src/shop": "shop",
        "src/shop/billing": "shop.billing",
        "src/shop/billing/x": "shop.billing.x",
    }
    names = module_names(
        ["src/shop/a.py", "src/shop/billing/x/y.py", "scripts/tool/run.py", "setup.py"], packages, 2
    )
    assert names == {
        "src/shop/a.py": "shop",
        "src/shop/billing/x/y.py": "shop.billing",
        "scripts/tool/run.py": "scripts/tool",
        "setup.py": ".",
    }


def test_fix_first_puts_likely_bugs_before_big_style_debt() -> None:
    targets = fix_first(
        [
            finding("a.py", 60, "CH105", symbol="long", severity="minor"),
            finding("a.py", 15, "ruff:F821", symbol="f", severity="critical"),
            finding("a.py", 20, "CH101", symbol="g", severity="major"),
            finding("a.py", 5, "CH201", symbol="g", severity="info"),
        ],
        10,
    )
    assert [(t.symbol, t.minutes) for t in targets] == [("f", 15), ("g", 25), ("long", 60)]
    assert targets[1].rules == ("CH101", "CH201")


def test_test_findings_make_the_test_debt_apart_from_the_project() -> None:
    tests = [finding("tests/test_a.py", 40, "CH102"), finding("t/test_b.py", 20, "CH105")]
    report = build_report(
        [finding("app/x.py", 30, "CH102"), finding("tests/test_a.py", 5)],
        Basis(
            {"app/x.py": 10, "tests/test_a.py": 10, "t/test_b.py": 10},
            {},
            {"CH102": "complexity", "CH105": "complexity", "CH201": "markers"},
            minutes_per_line=30,
        ),
        tests=DebtOfTests(tests, 20),
    )
    assert (report.project.minutes, report.project.findings) == (35, 2)
    tests_debt = report.test_debt
    assert tests_debt is not None
    assert (tests_debt.name, tests_debt.minutes, tests_debt.findings) == ("(tests)", 60, 2)
    assert tests_debt.ratio == pytest.approx(60 / (20 * 30))
    assert dict(tests_debt.by_family) == {"complexity": 60}
    assert [t.path for t in report.test_targets] == ["tests/test_a.py", "t/test_b.py"]
    assert {f.path for f in report.findings} == {"app/x.py", "tests/test_a.py"}
    assert "t/test_b.py" not in {t.path for t in report.targets}  # plan never sees them
    assert report.tests_counted is False
