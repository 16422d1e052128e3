"""Imported first by ``codehealth/__init__.py``: makes ``python -m codehealth`` as safe to run
in an untrusted repository as the ``codehealth`` console script."""

import os
import sys


def run_by_python_m() -> bool:
    """Whether this import is ``python -m codehealth`` locating its module (while it does,
    sys.argv[0] is "-m")."""
    if sys.argv[:1] != ["-m"]:
        return False
    argv = sys.orig_argv  # Python 3.10+
    for index, argument in enumerate(argv):
        if argument == "-m":
            return argv[index + 1 : index + 2] == ["codehealth"]
        if argument.startswith("-m"):
            return argument == "-mcodehealth"
    return False


# `python -m codehealth` puts the current folder (the analysed repository) first on sys.path:
# its click.py, json.py or typing.py would shadow what codehealth imports, and run. Drop it
# before anything else is imported (os and sys are loaded at start-up; the console script
# never adds the folder).
if run_by_python_m() and sys.path[:1] == [os.getcwd()]:
    del sys.path[0]
