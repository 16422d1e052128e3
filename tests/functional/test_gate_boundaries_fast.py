"""The gate's boundary fast path gives the verdict of the whole-project comparison.

Each case runs ``run_gate`` twice on the same real git repository: as the CLI does (the
fast path: nothing, the touched files alone, or the whole project when the change reaches
further) and with ``whole_project_boundaries=True`` (both revisions checked in full, the
reference). The failing boundary findings must be the same, and each case also asserts
which way the fast path went, so that a case cannot pass by always taking the slow way.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from clitools import commit_all, git, write_files

from codehealth.adapters.files import load_settings
from codehealth.adapters.git import WORKTREE, merge_base, read_blobs, read_worktree
from codehealth.adapters.git.revisions import changed_files
from codehealth.gate.boundaries_step import local_boundaries
from codehealth.gate.run import run_gate

LAYERS = """[project]
name = "shop"
version = "0"

[tool.importlinter]
root_package = "shop"

[[tool.importlinter.contracts]]
name = "orders above billing above core"
type = "layers"
layers = ["shop.orders", "shop.billing", "shop.core"]
"""

FILES = {
    "pyproject.toml": LAYERS,
    "shop/__init__.py": "",
    "shop/billing/__init__.py": 'from shop.billing.api import charge\n\n__all__ = ["charge"]\n',
    "shop/billing/api.py": "from shop.core import money\n\n\ndef charge(amount):\n"
    "    return money(amount)\n",
    "shop/billing/_impl.py": "def fee():\n    return 1\n",
    "shop/core/__init__.py": "from shop.core.util import money\n\n__all__ = ['money']\n",
    "shop/core/util.py": "def money(value):\n    return value\n",
    "shop/core/helpers.py": "def helper():\n    return 2\n",
    "shop/orders/__init__.py": "",
    "shop/orders/views.py": (
        "from shop.billing import charge\n"
        "from shop.billing._impl import fee\n\n\n"
        "def pay():\n    return charge(fee())\n"
    ),
}


def _repo(tmp_path: Path) -> Path:
    from clitools import init_repo

    repo = tmp_path / "shop"
    repo.mkdir()
    write_files(repo, FILES)  # type: ignore[arg-type]
    init_repo(repo)
    commit_all(repo, "base")
    git(repo, "branch", "-M", "main")
    git(repo, "checkout", "--quiet", "-b", "feature")
    return repo


def _failing(repo: Path, *, whole: bool, staged: bool = False) -> set[tuple[str, str, str]]:
    report = run_gate(
        str(repo),
        None if staged else "main",
        staged=staged,
        lint=False,
        whole_project_boundaries=whole,
    )
    return {
        (p.finding.rule, p.finding.path, p.finding.fingerprint)
        for p in report.problems
        if p.finding.rule.startswith("CH3")
    }


def _fast_path(repo: Path) -> str:
    """How the fast path decided: "local" or why it compared the whole project."""
    root = str(repo)
    base = merge_base(root, "main")
    changes = changed_files(root, base, WORKTREE)
    paths = [c.path for c in changes if c.path]
    sides = (read_blobs(root, base, paths), read_worktree(root, paths))
    found = local_boundaries(root, load_settings(root), changes, sides, False)
    return found if isinstance(found, str) else "local"


def _same_verdict(repo: Path, staged: bool = False) -> set[tuple[str, str, str]]:
    fast = _failing(repo, whole=False, staged=staged)
    assert fast == _failing(repo, whole=True, staged=staged)
    return fast


def test_a_new_internal_import_in_a_touched_file(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    views = (
        FILES["shop/orders/views.py"] + "\n\ndef later():\n    from shop.core.util import money\n"
    )
    write_files(repo, {"shop/orders/views.py": views})
    assert "a new import of shop.core.util" in _fast_path(repo)
    failing = _same_verdict(repo)
    assert {rule for rule, path, _ in failing if path == "shop/orders/views.py"} >= {"CH301"}


def test_a_new_edge_breaks_a_layers_contract_through_untouched_files(tmp_path: Path) -> None:
    """core/util.py (touched) now imports orders.views; orders -> billing -> core was
    allowed, core -> orders is not, and the chain runs through untouched files."""
    repo = _repo(tmp_path)
    util = "from shop.orders import views\n\n\ndef money(value):\n    return value\n"
    write_files(repo, {"shop/core/util.py": util})
    assert "a new import of shop.orders.views" in _fast_path(repo)
    failing = _same_verdict(repo)
    assert "CH305" in {rule for rule, _, _ in failing}


def test_a_new_cycle(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    helpers = "from shop.billing import charge\n\n\ndef helper():\n    return charge(2)\n"
    write_files(repo, {"shop/core/helpers.py": helpers})
    assert "a new import of shop.billing" in _fast_path(repo)
    failing = _same_verdict(repo)
    assert "CH306" in {rule for rule, _, _ in failing}


def test_a_removed_import_has_no_findings_and_stays_local(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    views = "from shop.billing import charge\n\n\ndef pay():\n    return charge(1)\n"
    write_files(repo, {"shop/orders/views.py": views})
    assert _fast_path(repo) == "local"
    assert _same_verdict(repo) == set()


def test_a_moved_private_import_is_a_new_finding_found_locally(tmp_path: Path) -> None:
    """The import already broke the rule at the base; moved into a function, its
    fingerprint (enclosing symbol) changes: the full check calls it new, so must the
    fast path, without building any graph."""
    repo = _repo(tmp_path)
    views = (
        "from shop.billing import charge\n\n\n"
        "def pay():\n    from shop.billing._impl import fee\n\n    return charge(fee())\n"
    )
    write_files(repo, {"shop/orders/views.py": views})
    assert _fast_path(repo) == "local"
    failing = _same_verdict(repo)
    assert {(rule, path) for rule, path, _ in failing} == {("CH301", "shop/orders/views.py")}


def test_an_init_export_change_reaches_untouched_importers(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    init = "from shop.billing.api import charge\n\n__all__ = []\n"
    write_files(repo, {"shop/billing/__init__.py": init})
    assert _fast_path(repo) == "a module's public API changed"
    failing = _same_verdict(repo)
    assert {path for _, path, _ in failing} == {"shop/orders/views.py"}


def test_an_edit_that_leaves_the_imports_alone_checks_nothing(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    views = FILES["shop/orders/views.py"] + "\n\ndef refund():\n    return 0\n"
    write_files(repo, {"shop/orders/views.py": views})
    assert _same_verdict(repo) == set()


@pytest.mark.parametrize("staged_views", ["remove", "move"])
def test_staged_changes_take_the_same_paths(tmp_path: Path, staged_views: str) -> None:
    repo = _repo(tmp_path)
    if staged_views == "remove":
        views = "from shop.billing import charge\n\n\ndef pay():\n    return charge(1)\n"
    else:
        views = (
            "from shop.billing import charge\n\n\n"
            "def pay():\n    from shop.billing._impl import fee\n\n    return charge(fee())\n"
        )
    write_files(repo, {"shop/orders/views.py": views})
    git(repo, "add", "shop/orders/views.py")
    write_files(repo, {"shop/core/helpers.py": "from shop.billing import charge\n"})  # unstaged
    failing = _same_verdict(repo, staged=True)
    assert {rule for rule, _, _ in failing} == (set() if staged_views == "remove" else {"CH301"})


FORBIDDEN = LAYERS.replace(
    'root_package = "shop"', 'root_package = "shop"\ninclude_external_packages = true'
) + (
    '\n[[tool.importlinter.contracts]]\nname = "core stays pure"\ntype = "forbidden"\n'
    'source_modules = ["shop.core"]\nforbidden_modules = ["json", "shop.orders"]\n'
)


def test_external_imports_in_a_contract_graph(tmp_path: Path) -> None:
    """A forbidden external import appears while another one disappears: the base graph,
    patched from the work tree's, must look as grimp would have built it."""
    repo = _repo(tmp_path)
    helpers = "import json\n\n\ndef helper():\n    return json.dumps(2)\n"
    write_files(repo, {"pyproject.toml": FORBIDDEN, "shop/core/helpers.py": helpers})
    commit_all(repo, "forbidden contract, broken by helpers")
    git(repo, "branch", "-f", "main", "HEAD")
    util = "import json\n\n\ndef money(value):\n    return json.loads(value)\n"
    write_files(
        repo, {"shop/core/util.py": util, "shop/core/helpers.py": "def helper():\n    return 2\n"}
    )
    assert "a new import of json" in _fast_path(repo)
    failing = _same_verdict(repo)
    assert {(rule, path) for rule, path, _ in failing} == {("CH305", "shop/core/util.py")}


def test_a_staged_cycle_with_unstaged_edits_elsewhere(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    helpers = "from shop.billing import charge\n\n\ndef helper():\n    return charge(2)\n"
    write_files(repo, {"shop/core/helpers.py": helpers})
    git(repo, "add", "shop/core/helpers.py")
    # not staged: must not count, though it would break the layers contract too
    write_files(
        repo,
        {"shop/core/util.py": "from shop.orders import views\n\n\ndef money(v):\n    return v\n"},
    )
    failing = _same_verdict(repo, staged=True)
    assert "CH306" in {rule for rule, _, _ in failing}
    assert "shop/core/util.py" not in {path for _, path, _ in failing}


def _summary(report: object) -> tuple[object, ...]:
    return (
        sorted((v.finding.rule, v.finding.path, v.finding.fingerprint) for v in report.violations),  # type: ignore[attr-defined]
        sorted((c.name, c.kept, c.chains) for c in report.contracts),  # type: ignore[attr-defined]
        sorted(c.path for c in report.cycles),  # type: ignore[attr-defined]
    )


@pytest.mark.parametrize("external", [False, True])
def test_a_revision_as_the_work_tree_with_files_standing_in(tmp_path: Path, external: bool) -> None:
    """The base report computed from the work tree's graph patched with the base contents
    equals the report of a copy of the base revision: same violations, contract verdicts
    and chains, cycles."""
    import os

    from codehealth.boundaries.run import run_boundaries

    repo = _repo(tmp_path)
    if external:
        write_files(repo, {"pyproject.toml": FORBIDDEN, "shop/core/helpers.py": "import json\n"})
        commit_all(repo, "forbidden contract")
        git(repo, "branch", "-f", "main", "HEAD")
    base_files = {
        "shop/core/util.py": FILES["shop/core/util.py"],
        "shop/core/helpers.py": "import json\n" if external else FILES["shop/core/helpers.py"],
    }
    write_files(
        repo,
        {
            "shop/core/util.py": "import json\nfrom shop.orders import views\n\n\ndef money(v):\n"
            "    return v\n",
            "shop/core/helpers.py": "from shop.billing import charge\n",
        },
    )
    settings = load_settings(str(repo))
    root = os.path.realpath(repo)
    overrides = {os.path.join(root, p): text.encode() for p, text in base_files.items()}
    patched = run_boundaries(root, settings=settings, overrides=overrides)
    copy = tmp_path / "copy"
    copy.mkdir()
    git(repo, "worktree", "add", "--quiet", str(copy / "shop"), "main")
    reference = run_boundaries(str(copy / "shop"), use_cache=False)
    assert _summary(patched) == _summary(reference)
    assert _summary(patched) != _summary(run_boundaries(root, settings=settings))


def test_a_migration_is_never_an_importer_that_counts(tmp_path: Path) -> None:
    """Issue 13: a migration imports what the schema needs at that point in history; its
    imports are nobody's design. The gate's fast path and the whole-project check agree."""
    repo = _repo(tmp_path)
    write_files(
        repo,
        {
            "pyproject.toml": LAYERS + "\n[tool.codehealth]\nexclude_migrations = true\n",
            "shop/orders/migrations/__init__.py": "",
            "shop/orders/migrations/m0001.py": "OPERATIONS = []\n",
        },
    )
    commit_all(repo, "a migration")
    git(repo, "branch", "-f", "main", "HEAD")
    migration = "from shop.billing._impl import fee\n\nOPERATIONS = [fee]\n"
    write_files(repo, {"shop/orders/migrations/m0001.py": migration})
    report = run_gate(str(repo), "main", lint=False)
    assert report.files == ()  # not analysed: no file summary
    failing = _same_verdict(repo)
    assert ("CH301", "shop/orders/migrations/m0001.py") not in {(r, p) for r, p, _ in failing}
    assert not [p for _, p, _ in failing if "migrations" in p]
