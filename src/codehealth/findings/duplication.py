"""Clone groups -> CH701 findings: each copy after the first of its group is debt."""

from __future__ import annotations

from codehealth.core import Catalogue, Duplication, Finding

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
            found.append(
                Finding(
                    rule=RULE,
                    path=copy.path,
                    line=copy.start,
                    message=(
                        f"lines {copy.start}-{copy.end} are a copy of {original}"
                        f" ({group.tokens} tokens{others})"
                    ),
                    severity=rule.severity,
                    remediation_minutes=round(rule.cost(copy.lines), 2),
                    end_line=copy.end,
                    fix=rule.fix,
                )
            )
    return found
