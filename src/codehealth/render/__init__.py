"""Output building blocks shared by the features' formats: tables (plain or rich) and
Markdown escaping."""

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
    md_text as md_text,
)
from codehealth.render.tables import (
    Cell as Cell,
)
from codehealth.render.tables import (
    Table as Table,
)
from codehealth.render.tables import (
    render_plain as render_plain,
)
from codehealth.render.tables import (
    render_rich as render_rich,
)

__all__ = [
    "dataclass_json",
    "json_text",
    "Cell",
    "Table",
    "md_code",
    "md_text",
    "render_plain",
    "render_rich",
]
