"""Self-contained HTML pages (the report, the portfolio): a template whose slots take the
vendored ECharts, the data as JSON and the title, so nothing is fetched and nothing from the
analysed projects is read as markup.

The data goes in as JSON inside ``<script type="application/json">`` with every character
that could end that element or a JavaScript string escaped as ``\\uXXXX``; the pages' scripts
show it with ``textContent`` (and ``echarts.format.encodeHTML`` in tooltips). ECharts is
vendored (``assets/echarts.min.js``, see ``assets/README.md``): a page must open offline, as a
CI artifact.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.abc import Traversable

_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
# Lone surrogates too: a file name that is not UTF-8 reaches us through surrogateescape and
# could not be encoded into the page (JSON.parse takes the escape; the browser shows U+FFFD).
_TO_ESCAPE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_SLOT = re.compile(r"/\*(STYLE|ECHARTS|DATA)\*/|<!--(TITLE)-->")


def script_json(data: Any) -> str:
    """JSON that can sit inside a <script> element: no "</script>", "<!--", or line
    separators a JavaScript parser would stop at."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _TO_ESCAPE.sub(lambda m: _ESCAPES.get(m.group()) or f"\\u{ord(m.group()):04x}", text)


def html_page(template: Traversable, title: str, data: Any) -> str:
    """``template`` (a package resource) with its ``/*STYLE*/`` (the pages' shared
    ``assets/page.css``), ``/*ECHARTS*/``, ``/*DATA*/`` and ``<!--TITLE-->`` slots filled."""
    slots = {
        "STYLE": _ASSETS.joinpath("page.css").read_text("utf-8"),
        "ECHARTS": _ASSETS.joinpath("echarts.min.js").read_text("utf-8"),
        "DATA": script_json(data),
        "TITLE": html.escape(_SURROGATES.sub("\ufffd", title)),
    }
    # One pass: a slot's text is never searched for another slot.
    return _SLOT.sub(lambda m: slots[m.group(1) or m.group(2)], template.read_text("utf-8"))


_ASSETS = resources.files("codehealth.render").joinpath("assets")
