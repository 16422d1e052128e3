"""``codehealth rules``: the rule catalogue, or one rule's documentation."""
