"""Output building blocks shared by the features' formats: tables (plain or rich) and
Markdown escaping, self-contained HTML pages."""

from codehealth.render.html_page import (
    html_page as html_page,
)
from codehealth.render.html_page import (
    script_json as script_json,
)
from codehealth.render.json_text import (
    dataclass_json as dataclass_json,
)
from codehealth.render.json_text import (
    json_text as json_text,
)
from codehealth.render.markdown_text import (
    md_code as md_code,
)
from codehealth.render.markdown_text import (
    md_tables as md_tables,
)
from codehealth.render.markdown_text import (
    md_text as md_text,
)
from codehealth.render.tables import (
    Cell as Cell,
)
from codehealth.render.tables import (
    Table as Table,
)
from codehealth.render.tables import (
    note_lines as note_lines,
)
from codehealth.render.tables import (
    render_plain as render_plain,
)
from codehealth.render.tables import (
    render_report as render_report,
)
from codehealth.render.tables import (
    render_rich as render_rich,
)

__all__ = [
    "note_lines",
    "html_page",
    "script_json",
    "dataclass_json",
    "json_text",
    "Cell",
    "Table",
    "md_code",
    "md_tables",
    "md_text",
    "render_plain",
    "render_report",
    "render_rich",
]
