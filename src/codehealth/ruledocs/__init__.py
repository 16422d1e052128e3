"""``codehealth rules``: the rule catalogue, or one rule's documentation."""

from codehealth.ruledocs.formats import (
    render_rule_doc as render_rule_doc,
)

__all__ = [
    "render_rule_doc",
]
