"""The ``codehealth`` executable: a warm run is replayed before click and the analysis are
imported (``adapters.replay``); every other run goes to the command group (``cli``)."""

from __future__ import annotations

import sys


def main() -> int:
    from codehealth.adapters.replay import warm_run

    argv = sys.argv[1:]
    run = warm_run(argv)
    if run is not None:
        code = run.replay()
        if code is not None:
            return code
        run.start_recording()
    from codehealth.cli import main as run_command

    code = 3
    try:
        code = run_command(argv)
    finally:
        if run is not None:
            run.finish(code)
    return code
