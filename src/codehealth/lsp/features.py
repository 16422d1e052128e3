"""What the editor asks about a buffer already diagnosed: the rule's documentation under a
diagnostic (hover), and the inline ignore of a finding (code action). Pure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from codehealth.core import Catalogue, EditorAction, EditorDiagnostic
from codehealth.ruledocs import render_rule_doc

# The rules an inline ``# codehealth: ignore[...] because <reason>`` silences: the import
# rules of ``codehealth boundaries``, CH301-CH307 (no other rule reads it; CH308 and CH309
# are findings about ignores themselves, fixed by editing the ignore).
IGNORABLE = frozenset(f"CH30{n}" for n in range(1, 8))


def hover_text(
    diagnostics: Iterable[EditorDiagnostic], line: int, character: int, catalogue: Catalogue
) -> str | None:
    """The documentation of each rule with a diagnostic at the position, or None."""
    rules: list[str] = []
    for diagnostic in diagnostics:
        if diagnostic.span.holds(line, character) and diagnostic.rule not in rules:
            rules.append(diagnostic.rule)
    docs = [render_rule_doc(rule) for rule in map(catalogue.rule, rules) if rule is not None]
    return "\n---\n".join(docs) if docs else None


def ignore_actions(line: int, text: str, rules: Sequence[str]) -> tuple[EditorAction, ...]:
    """For each rule of a diagnostic on ``line`` (whose text is ``text``) that reads inline
    ignores: append ``# codehealth: ignore[RULE] because <reason>`` to the line, the
    reason left for the author to write (the ignore is not honoured without one)."""
    end = len(text.rstrip())
    actions = []
    for rule in dict.fromkeys(rules):
        if rule not in IGNORABLE:
            continue
        comment = f"  # codehealth: ignore[{rule}] because <reason>"
        actions.append(EditorAction(f"Ignore {rule} on this line", rule, line, end, comment))
    return tuple(actions)
