"""The sample project the ``codehealth mcp`` tests run on (written by ``make_repo``)."""

# 15 if-statements: cyclomatic complexity 1 + 15 = 16, over the default limit of 10.
BRANCHY = """\
def branchy(x):
    if x == 1:
        return 1
    if x == 2:
        return 2
    if x == 3:
        return 3
    if x == 4:
        return 4
    if x == 5:
        return 5
    if x == 6:
        return 6
    if x == 7:
        return 7
    if x == 8:
        return 8
    if x == 9:
        return 9
    if x == 10:
        return 10
    if x == 11:
        return 11
    if x == 12:
        return 12
    if x == 13:
        return 13
    if x == 14:
        return 14
    if x == 15:
        return 15
    return 0
"""
CALC = "def add(a, b):\n    return a + b\n"
VIEWS = "from app.core import add\n\n\ndef total(a, b):\n    return add(a, b)\n"
FILES = {
    "pyproject.toml": '[project]\nname = "app"\nversion = "1"\n',
    "src/app/__init__.py": '"""The app."""\n',
    "src/app/core/__init__.py": 'from app.core.calc import add\n\n__all__ = ["add"]\n',
    "src/app/core/calc.py": CALC,
    "src/app/core/branchy.py": BRANCHY,
    "src/app/web/__init__.py": "",
    "src/app/web/views.py": VIEWS,
}
