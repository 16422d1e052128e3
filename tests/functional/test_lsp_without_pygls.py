"""``codehealth lsp`` where pygls is not installed (the `lsp` extra left out): a clear error
with the install command, exit code 2, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from clitools import assert_no_traceback, clean_env


def test_without_pygls_it_says_which_extra_to_install(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker" / "pygls"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('pygls is not installed')\n")
    env = clean_env()
    env["PYTHONPATH"] = os.pathsep.join(
        [str(blocker.parent), *filter(None, [env.get("PYTHONPATH")])]
    )
    done = subprocess.run(
        [sys.executable, "-m", "codehealth", "lsp"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "pip install 'codehealth[lsp]'" in done.stderr
    assert_no_traceback(done.stderr)
