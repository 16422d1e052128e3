"""The HTML report opened in headless Chromium (Debian's chromium + chromedriver).

The page must load with no console errors, every chart must have drawn (ECharts' SVG
renderer: path elements with a size), and the functions table must sort on a header click.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from clitools import commit_all, write_files

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)),
        reason=f"{CHROMIUM} and {CHROMEDRIVER} are needed"
        " (apt-get install chromium chromium-driver)",
    ),
]


@pytest.fixture
def browser(tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1600",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


# The same function under two names in two modules: a clone group of two copies.
_COPIED = """def NAME(items, rate, minimum):
    total = 0
    for item in items:
        if item.quantity > minimum:
            total += item.price * item.quantity * (1 - rate)
        elif item.quantity == minimum:
            total += item.price * item.quantity * (1 - rate / 2)
        else:
            total += item.price * item.quantity
    return round(total, 2)
"""


# The tests ran net_price's first four lines only.
_PRICES_COVERAGE = (
    '<?xml version="1.0" ?><coverage version="7.6"><packages><package name="shop">'
    '<classes><class name="prices.py" filename="shop/catalog/prices.py"><lines>'
    + "".join(f'<line number="{n}" hits="{int(n <= 4)}"/>' for n in range(1, 11))
    + "</lines></class></classes></package></packages></coverage>"
)


@pytest.fixture
def report(make_repo, cli) -> Path:
    """A project with modules, boundary violations, three commits (a trend and hotspots)
    and a function whose name and strings look like markup."""
    repo = make_repo(
        "boundaries/ignores",
        {
            "shop/orders/logic.py": (
                "def _script_(x, y):\n"
                "    if x:\n"
                "        for i in y:\n"
                "            if i and x or y:\n"
                "                return '<script>alert(1)</script>'\n"
                "    return None\n"
            ),
        },
    )
    logic = repo / "shop/orders/logic.py"
    logic.write_text(logic.read_text() + "\n\ndef extra(a):\n    return a if a else 0\n")
    commit_all(repo, "second")
    write_files(
        repo,
        {
            "shop/catalog/more.py": "def more(y):\n    return [i for i in y if i]\n",
            "shop/catalog/prices.py": _COPIED.replace("NAME", "net_price"),
            "shop/orders/totals.py": _COPIED.replace("NAME", "order_total"),
            "coverage.xml": _PRICES_COVERAGE,
        },
    )
    commit_all(repo, "third")
    result = cli("report", "--html", "out", cwd=repo)
    assert result.code == 0, result.err
    return repo / "out" / "index.html"


def chart_paths(driver, chart_id: str) -> int:
    """The SVG paths chart ``chart_id`` drew, polled until there are some (or 5 s)."""
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


def _rows(driver) -> list[str]:
    from selenium.webdriver.common.by import By

    return [
        row.find_element(By.CSS_SELECTOR, "td").text
        for row in driver.find_elements(By.CSS_SELECTOR, "#functions tbody tr")
    ]


def test_the_report_renders_in_chromium(browser, report, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(report.as_uri())
    # ECharts draws synchronously at setOption, but the first frame of an SVG chart comes
    # on the next animation frame: wait until every chart has paths.
    charts = browser.find_elements(By.CSS_SELECTOR, "div.chart")
    ids = [chart.get_attribute("id") for chart in charts]
    assert set(ids) == {"trend", "hotspots", "modules", "graph"}
    browser.implicitly_wait(0)
    for chart_id in ids:
        count = chart_paths(browser, chart_id)
        assert count > 3, f"chart {chart_id} drew {count} paths"
        svg = browser.find_element(By.CSS_SELECTOR, f"#{chart_id} svg")
        assert svg.size["width"] > 100 and svg.size["height"] > 100, chart_id

    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []

    # The hostile function name is text, never markup: no script ran, the name is shown.
    assert browser.execute_script("return document.querySelectorAll('script').length") == 3
    names = _rows(browser)
    assert "_script_" in names

    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#functions th")]
    assert "Coverage %" in headers and "CRAP" in headers
    [net_price] = [
        row.find_elements(By.CSS_SELECTOR, "td")
        for row in browser.find_elements(By.CSS_SELECTOR, "#functions tbody tr")
        if row.find_element(By.CSS_SELECTOR, "td").text == "net_price"
    ]
    coverage_cell = net_price[headers.index("Coverage %")].text
    assert coverage_cell == "33.3"  # the body's lines 2-10: 3 of 9 statements ran

    clones = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "#clones tbody tr")]
    assert len(clones) == 1
    assert "shop/catalog/prices.py:1-" in clones[0] and "shop/orders/totals.py:1-" in clones[0]
    summary = browser.find_element(By.ID, "duplication-summary").text
    assert "in 1 clone groups, 2 copies" in summary

    before = _rows(browser)
    header = browser.find_element(By.CSS_SELECTOR, "#functions th[data-key=name]")
    header.click()
    ascending = _rows(browser)
    assert ascending == sorted(before)
    assert ascending != before  # the default order is by debt, not by name
    header.click()
    assert _rows(browser) == sorted(before, reverse=True)

    browser.find_element(By.ID, "filter").send_keys("more")
    assert _rows(browser) == ["more"]

    months = browser.find_elements(By.CSS_SELECTOR, "#reviews tbody tr")
    cells = [row.find_elements(By.CSS_SELECTOR, "td") for row in months]
    assert sum(int(row[1].text) for row in cells) == 3  # the three commits, by month
    assert all(len(row) == 10 and len(row[0].text) == 7 for row in cells)  # YYYY-MM
    reviews = browser.find_element(By.ID, "reviews-summary").text
    assert reviews.startswith("3 changes on the main line")

    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
