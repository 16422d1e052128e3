"""TODO docstring for codehealth.rules."""

from codehealth.rules.command import (
    rules as rules,
)
from codehealth.rules.formats import (
    render_lint_cost as render_lint_cost,
)
from codehealth.rules.formats import (
    render_rule_doc as render_rule_doc,
)
from codehealth.rules.formats import (
    render_rules_rich as render_rules_rich,
)
from codehealth.rules.formats import (
    render_rules_text as render_rules_text,
)
from codehealth.rules.formats import (
    rules_json as rules_json,
)

__all__ = [
    "render_lint_cost",
    "render_rule_doc",
    "render_rules_rich",
    "render_rules_text",
    "rules",
    "rules_json",
]
