HELP = "write TODO in a comment to mark unfinished work"  # a string is not a comment


def parse(text):
    """Returns the fields; TODO in a docstring is documentation, not a marker."""
    return text.split(",") if text else []
