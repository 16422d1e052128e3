"""``codehealth init``: write a ``[tool.codehealth]`` section and record the baseline."""
