"""codehealth.core imports its names when first used: the three lists that make that work
(the imports the type checker reads, each name's module, ``__all__``) say the same."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import codehealth.core as core

_INIT = Path(core.__file__)


def _type_checking_imports() -> dict[str, str]:
    tree = ast.parse(_INIT.read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If))
    return {
        alias.name: node.module.rsplit(".", 1)[1]
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }


def test_the_three_lists_agree() -> None:
    assert set(core._WHERE) == set(core.__all__)
    assert _type_checking_imports() == core._WHERE
    assert len(core.__all__) == len(set(core.__all__))


def test_every_name_is_its_module_s() -> None:
    for name, module in core._WHERE.items():
        assert getattr(core, name) is getattr(
            importlib.import_module(f"codehealth.core.{module}"), name
        )


def test_a_name_imports_only_its_module_and_an_unknown_one_fails() -> None:
    code = (
        "import sys; from codehealth.core import Finding; import codehealth.core as c\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('codehealth.core.'))\n"
        "print(' '.join(loaded))\n"
        "try:\n    c.NoSuchName\nexcept AttributeError as e:\n    print(e)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded, error = out.splitlines()
    assert "codehealth.core.findings" in loaded.split()
    assert "codehealth.core.coverage" not in loaded.split()
    assert error == "module 'codehealth.core' has no attribute 'NoSuchName'"
