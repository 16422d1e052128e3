"""Issue 17: ``codehealth portfolio --html DIR`` opened in headless Chromium: the page loads
with no console errors, both charts draw, the tables show every repository (a name that
looks like markup stays text) and the numbers ``--format json`` gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clitools import run_cli
from historytools import Step, commit, complex_function, git, shop_history
from postgres_server import Server, fresh_database, server
from test_report_browser import browser, pytestmark

__all__ = ["browser", "pytestmark", "server"]  # the fixtures and the skip, imported

MARKUP = "<img src=x onerror=alert(1)>"


def _record(repo: Path, url: str) -> None:
    run = run_cli("history", "--store", url, cwd=repo)
    assert run.code == 0, run.out + run.err


@pytest.fixture
def store(server: Server, tmp_path: Path) -> str:
    url = fresh_database(server, "portfolio_page")
    shop = shop_history(tmp_path / "shop")
    git(shop, "remote", "add", "origin", "git@github.com:Example/Shop.git")
    other = shop_history(tmp_path / "other")
    settings = f'[tool.codehealth.history]\nname = "{MARKUP}"\n'
    extra = {"src/shop/pricing.py": complex_function("quote", 7), "pyproject.toml": settings}
    commit(other, Step("Ann", "ann@example.com", 0.5, extra, message="pricing"))
    _record(shop, url)
    _record(other, url)
    return url


def _paths(driver, chart_id: str) -> int:
    return driver.execute_async_script(
        """
        const [id, done] = arguments;
        let tries = 0;
        (function poll() {
          const n = document.querySelectorAll('#' + id + ' svg path').length;
          if (n > 3 || tries++ > 50) done(n); else setTimeout(poll, 100);
        })();
        """,
        chart_id,
    )


def test_the_portfolio_page_renders_in_chromium(browser, store: str, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    run = run_cli("portfolio", "--store", store, "--html", "page", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    page = tmp_path / "page" / "index.html"
    assert f"wrote {Path('page') / 'index.html'}" in run.out
    assert MARKUP not in page.read_text(encoding="utf-8")  # embedded escaped, as data
    listed = run_cli("portfolio", "--store", store, "--format", "json", cwd=tmp_path)
    expected = json.loads(listed.out)

    browser.get(page.as_uri())
    browser.implicitly_wait(0)
    for chart_id in ("trend", "treemap"):
        assert _paths(browser, chart_id) > 3, f"chart {chart_id} drew nothing"
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    # the name that looks like markup is text: no element was made of it, no script added
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    assert browser.execute_script("return document.querySelectorAll('script').length") == 3

    shown = {
        cells[0].text: cells[1].text
        for row in browser.find_elements(By.CSS_SELECTOR, "#repositories tbody tr")
        if (cells := row.find_elements(By.CSS_SELECTOR, "td"))
    }
    assert shown == {
        row["name"]: str(round(row["debt_hours"], 1)).removesuffix(".0")
        for row in expected["repositories"]
    }
    hotspots = browser.find_elements(By.CSS_SELECTOR, "#hotspots tbody tr")
    assert hotspots and "github.com/example/shop" in {
        row.find_element(By.CSS_SELECTOR, "td").text for row in hotspots
    }
