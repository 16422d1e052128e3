"""Clone groups -> CH701 findings: each copy after the first of its group is debt."""

from __future__ import annotations

from codehealth.core import Catalogue, Duplication, Finding
from codehealth.findings.priced import rule_finding

RULE = "CH701"


def duplication_findings(duplication: Duplication, catalogue: Catalogue) -> list[Finding]:
    """One finding per copy, naming the first copy of its group (the one kept)."""
    rule = catalogue.rule(RULE)
    if rule is None:
        return []
    found = []
    for group in duplication.groups:
        original = group.locations[0]
        others = f"; {group.count} copies in all" if group.count > 2 else ""
        for copy in group.locations[1:]:
            message = (
                f"lines {copy.start}-{copy.end} are a copy of {original}"
                f" ({group.tokens} tokens{others})"
            )
            found.append(rule_finding(rule, copy.path, (copy.start, copy.end), message, copy.lines))
    return found
