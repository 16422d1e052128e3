"""Issue 13: with no configuration the public-API rule holds a module to what it declared.

The analysis is pure: a project is a dict of sources and a list of (importer, imported,
line) edges, as the import graph would give them.
"""

from __future__ import annotations

import pytest

from codehealth.boundaries import ProjectFacts, analyse
from codehealth.boundaries.api import parse_public_api
from codehealth.boundaries.modules import make_module_map

# pkg.web imports from pkg.core; each case gives pkg/core/__init__.py and one import line.
SUBMODULES = ("functional", "log", "forms", "_impl", "argparsing")


def violations(
    init: str, statement: str, configured: bool = False, importer_path: str = "pkg/web/views.py"
) -> list[tuple[str, str]]:
    files = {"pkg": "pkg/__init__.py", "pkg.core": "pkg/core/__init__.py"}
    files |= {f"pkg.core.{name}": f"pkg/core/{name}.py" for name in SUBMODULES}
    files |= {"pkg.web": "pkg/web/__init__.py", "pkg.web.views": importer_path}
    sources = {path: b"" for path in files.values()}
    sources["pkg/core/__init__.py"] = init.encode()
    sources["pkg/core/functional.py"] = b"noop = maybe_list = None\n__all__ = ['noop']\n"
    sources[importer_path] = statement.encode() + b"\n"
    imported = statement.split()[1]
    public = {"pkg.core": frozenset[str]()} if configured else {}
    facts = ProjectFacts(
        files=files,
        imports=[("pkg.web.views", imported, 1)],
        read=sources.get,
        not_importer=lambda path: "migrations" in path,
    )
    analysis = analyse(facts, make_module_map(["pkg.core", "pkg.web"], public))
    return [(v.finding.rule, v.finding.fix) for v in analysis.violations]


def test_a_module_that_declares_nothing_has_public_submodules() -> None:
    """A Django app's empty __init__.py: its forms, views, models are used directly."""
    assert violations("", "from pkg.core.forms import Form") == []
    assert violations("", "import pkg.core.forms") == []


def test_underscore_names_are_private_whatever_the_module_declares() -> None:
    assert violations("", "from pkg.core._impl import x")[0][0] == "CH301"
    assert violations("", "from pkg.core.forms import _helper")[0][0] == "CH302"


@pytest.mark.parametrize(
    "init",
    [
        "from .functional import noop\n__all__ = ['noop']\n",  # __all__
        "from .functional import noop  # noqa: F401\n",  # an import it does not use
        "from pkg.core.functional import *\n",  # a star
    ],
)
def test_a_name_the_module_re_exports_must_come_through_it(init: str) -> None:
    found = violations(init, "from pkg.core.functional import noop")
    assert found == [("CH301", "import `noop` from `pkg.core`")]
    # the submodule as a whole goes around the API as well
    assert violations(init, "import pkg.core.functional")[0][0] == "CH301"


def test_what_the_module_does_not_re_export_stays_public() -> None:
    """celery.utils re-exports a few names from some submodules; celery.utils.log and the
    other names of celery.utils.functional are used directly all over the project."""
    init = "from .functional import noop\n__all__ = ['noop']\n"
    assert violations(init, "from pkg.core.log import get_logger") == []
    assert violations(init, "from pkg.core.functional import maybe_list") == []


def test_an_import_the_init_uses_itself_is_not_a_re_export() -> None:
    """_pytest/config/__init__.py imports Parser for its own code: importing Parser from
    _pytest.config.argparsing does not go around an API."""
    init = "from .argparsing import Parser\n\n\ndef parse(parser: Parser) -> None:\n    pass\n"
    assert parse_public_api(init.encode(), "pkg.core", lambda _: None).reexports == frozenset()
    assert violations(init, "from pkg.core.argparsing import Parser") == []


def test_a_configured_module_closes_every_submodule() -> None:
    found = violations("", "from pkg.core.forms import Form", configured=True)
    assert [rule for rule, _ in found] == ["CH301"]


def test_an_importer_left_out_does_not_count() -> None:
    migration = "pkg/web/migrations/0001_initial.py"
    statement = "from pkg.core._impl import x"
    assert violations("", statement, importer_path=migration) == []
