"""``codehealth report``: one self-contained HTML page."""
