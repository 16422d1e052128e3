"""Start-up stays light: pre-commit imports codehealth on every commit.

Each check runs in a fresh interpreter, because this test process has long since imported
everything."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

HEAVY = ("click", "rich", "radon", "multiprocessing", "sqlite3")

_REPORT = textwrap.dedent(
    """
    import json, sys
    {code}
    loaded = sorted({{name.split(".")[0] for name in sys.modules}})
    sys.__stderr__.write("\\nLOADED=" + json.dumps(loaded) + "\\n")
    """
)


def _modules_after(code: str, cwd: Path | None = None) -> set[str]:
    """Top-level module names loaded by a fresh interpreter after running ``code``."""
    completed = subprocess.run(
        [sys.executable, "-c", _REPORT.format(code=code)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    marker = completed.stderr.rpartition("LOADED=")[2]
    assert marker, completed.stderr
    loaded: list[str] = json.loads(marker.splitlines()[0])
    return set(loaded)


def test_the_probe_sees_imports():
    # Guards the test itself: an import made by the code must be visible.
    assert "sqlite3" in _modules_after("import sqlite3")


def test_import_codehealth_is_light():
    loaded = _modules_after("import codehealth")
    assert "codehealth" in loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_the_public_api_is_light_until_called():
    loaded = _modules_after("import codehealth; codehealth.scan; codehealth.__version__")
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def _cli(args: list[str]) -> str:
    return (
        f"from codehealth.cli import main\ntry:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
    )


def test_help_does_not_import_rich_or_the_engine():
    loaded = _modules_after(_cli(["--help"]))
    assert "click" in loaded  # the CLI did run
    for heavy in ("rich", "radon", "multiprocessing", "sqlite3"):
        assert heavy not in loaded, heavy


def test_scan_help_and_version_do_not_import_rich():
    for args in (["scan", "--help"], ["--version"]):
        loaded = _modules_after(_cli(args))
        assert "rich" not in loaded, args
        assert "multiprocessing" not in loaded, args


def test_a_pre_commit_style_scan_of_one_file_needs_no_pool_and_no_rich(tmp_path):
    """One small file, output to a pipe: neither the process pool nor rich is paid for."""
    (tmp_path / "one.py").write_text("def f(x):\n    return x\n")
    loaded = _modules_after(_cli(["scan", "--no-cache", "one.py"]), cwd=tmp_path)
    assert "codehealth" in loaded
    assert "rich" not in loaded
    assert "multiprocessing" not in loaded
    assert "concurrent" not in loaded


def test_no_package_shadows_the_scan_function():
    # Importing a subpackage binds it on its parent: a feature package named `scan` would
    # replace codehealth.scan, the library API, once any command had imported it.
    import importlib
    import pkgutil

    import codehealth

    for module in pkgutil.iter_modules(codehealth.__path__):
        if module.name != "__main__":  # it runs the command line
            importlib.import_module(f"codehealth.{module.name}")
    assert callable(codehealth.scan)
    assert codehealth.scan.__module__ == "codehealth"
