"""Issue 17: ``codehealth portfolio --html DIR`` opened in headless Chromium: the page loads
with no console errors, both charts draw, the tables show every repository (a name that
looks like markup stays text) and the numbers ``--format json`` gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clitools import run_cli
from postgres_server import Server, fresh_database, server
from test_portfolio_cli import _two_repositories
from test_report_browser import browser, chart_paths, pytestmark

__all__ = ["browser", "pytestmark", "server"]  # the fixtures and the skip, imported

MARKUP = "<img src=x onerror=alert(1)>"


@pytest.fixture
def store(server: Server, tmp_path: Path) -> str:
    url = fresh_database(server, "portfolio_page")
    _two_repositories(tmp_path, url, MARKUP)
    return url


def _table(driver, table_id: str, column: int = 1) -> dict[str, str]:
    """The first column of a table against another (the second by default)."""
    from selenium.webdriver.common.by import By

    rows = driver.find_elements(By.CSS_SELECTOR, f"#{table_id} tbody tr")
    cells = [row.find_elements(By.CSS_SELECTOR, "td") for row in rows]
    return {row[0].text: row[column].text for row in cells if row}


def _write_page(store: str, folder: Path) -> Path:
    run = run_cli("portfolio", "--store", store, "--html", "page", cwd=folder)
    assert run.code == 0, run.out + run.err
    page = folder / "page" / "index.html"
    assert f"wrote {Path('page') / 'index.html'}" in run.out
    assert MARKUP not in page.read_text(encoding="utf-8")  # embedded escaped, as data
    return page


def _shown_debts(document: dict) -> dict[str, str]:
    """Each repository's debt as the page shows it: one decimal, none when whole."""
    return {
        row["name"]: str(round(row["debt_hours"], 1)).removesuffix(".0")
        for row in document["repositories"]
    }


def test_the_portfolio_page_renders_in_chromium(browser, store: str, tmp_path: Path) -> None:
    page = _write_page(store, tmp_path)
    listed = run_cli("portfolio", "--store", store, "--format", "json", cwd=tmp_path)
    debts = _shown_debts(json.loads(listed.out))

    browser.get(page.as_uri())
    browser.implicitly_wait(0)
    for chart_id in ("trend", "treemap"):
        assert chart_paths(browser, chart_id) > 3, f"chart {chart_id} drew nothing"
    assert "SEVERE" not in {entry["level"] for entry in browser.get_log("browser")}
    # the name that looks like markup is text: no element was made of it, no script added
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    assert browser.execute_script("return document.querySelectorAll('script').length") == 3

    assert _table(browser, "repositories") == debts
    # both were recorded at HEAD by `history --store`: src/shop declares no API, no cycle
    rows = json.loads(listed.out)["repositories"]
    assert {row["name"]: row["boundaries"]["violations"] for row in rows} == dict.fromkeys(debts, 0)
    assert _table(browser, "repositories", 4) == dict.fromkeys(debts, "clean")
    assert "github.com/example/shop" in _table(browser, "hotspots")
