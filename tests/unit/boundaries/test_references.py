"""Issue 16: dependencies no import statement shows (Django's strings, literal dynamic
imports) are edges of their own kind: in the module graph, in cycles, in coupling figures
and against depends_on. The analysis is pure: constructed files, imports and references."""

from __future__ import annotations

from codehealth.boundaries import ProjectFacts, analyse
from codehealth.boundaries.cycles import find_cycles, summarise_modules
from codehealth.boundaries.finish import cycle_findings
from codehealth.boundaries.graph_formats import (
    hidden_couplings_note,
    render_boundaries_dot,
    render_boundaries_mermaid,
)
from codehealth.boundaries.modules import make_module_map
from codehealth.core import (
    MODEL_REFERENCE,
    URL_INCLUDE,
    BoundaryReport,
    ImportSite,
    ModuleEdge,
    ModuleSummary,
    Reference,
)

FILES = {
    "shop": "shop/__init__.py",
    "shop.order": "shop/order/__init__.py",
    "shop.order.models": "shop/order/models.py",
    "shop.order.migrations.0001_initial": "shop/order/migrations/0001_initial.py",
    "shop.basket": "shop/basket/__init__.py",
    "shop.basket.models": "shop/basket/models.py",
}
SOURCES = {
    "shop/order/models.py": b"from django.db import models\n\n\n"
    b"class Order(models.Model):\n    basket = models.ForeignKey('basket.Basket')\n",
    "shop/basket/models.py": b"from shop.order.models import Order\n",
}
TO_BASKET = Reference(
    "shop/order/models.py",
    5,
    "shop.order.models",
    "shop.basket.models",
    MODEL_REFERENCE,
    "'basket.Basket'",
)


def analysed(
    references: list[Reference],
    imports: list[tuple[str, str, int]] | None = None,
    depends_on: dict[str, tuple[str, ...] | None] | None = None,
):
    facts = ProjectFacts(
        files=FILES,
        imports=imports or [],
        read=SOURCES.get,
        not_importer=lambda path: "migrations" in path.split("/"),
        references=references,
    )
    return analyse(facts, make_module_map(["shop.order", "shop.basket"], {}, depends_on))


def test_a_reference_between_two_modules_is_an_edge_of_its_kind() -> None:
    analysis = analysed([TO_BASKET])
    assert [(e.source, e.target) for e in analysis.edges] == [("shop.order", "shop.basket")]
    site = analysis.edges[0].imports[0]
    assert (site.kind, site.line, site.imported) == (MODEL_REFERENCE, 5, "shop.basket.models")
    assert analysis.edges[0].hidden
    assert analysis.edges[0].describe() == "1 model reference"


def test_a_migration_reference_is_no_dependency_and_one_within_a_module_no_edge() -> None:
    migration = Reference(
        "shop/order/migrations/0001_initial.py",
        9,
        "shop.order.migrations.0001_initial",
        "shop.basket.models",
        MODEL_REFERENCE,
        "'basket.basket'",
    )
    within = Reference(
        "shop/order/models.py", 5, "shop.order.models", "shop.order", URL_INCLUDE, "'x'"
    )
    assert analysed([migration, within]).edges == []


def test_a_reference_breaks_depends_on_like_an_import_and_says_what_it_is() -> None:
    analysis = analysed([TO_BASKET], depends_on={"shop.order": ()})
    [violation] = analysis.violations
    assert violation.finding.rule == "CH304"
    assert (violation.finding.path, violation.finding.line) == ("shop/order/models.py", 5)
    message = violation.finding.message
    assert "`shop.order` depends on `shop.basket`" in message
    assert "by a model reference `'basket.Basket'`" in message
    assert "or remove the reference" in violation.finding.fix
    assert analysed([TO_BASKET], depends_on={"shop.order": ("shop.basket",)}).violations == []


def test_a_cycle_only_a_reference_closes_is_reported_as_such_at_the_reference() -> None:
    imports = [("shop.basket.models", "shop.order.models", 1)]
    analysis = analysed([TO_BASKET], imports)
    [cycle] = find_cycles(analysis.edges)
    [finding] = [v.finding for v in cycle_findings([cycle])]
    assert (finding.rule, finding.path, finding.line) == ("CH306", "shop/order/models.py", 5)
    assert "through `shop.order` -> `shop.basket` (1 model reference)" in finding.message
    assert "1 model reference" in finding.fix


def test_an_import_cycle_keeps_its_message() -> None:
    imports = [
        ("shop.basket.models", "shop.order.models", 1),
        ("shop.order.models", "shop.basket.models", 1),
    ]
    analysis = analysed([], imports)
    [finding] = [v.finding for v in cycle_findings(find_cycles(analysis.edges))]
    assert finding.message.startswith("modules import each other in a cycle: ")


def test_references_count_in_coupling_but_not_as_imports_into_a_module() -> None:
    analysis = analysed([TO_BASKET])
    rows = {name: ("", 0, False, "", False) for name in ("shop.order", "shop.basket")}
    summaries = {s.name: s for s in summarise_modules(rows, analysis.edges, [], {}, {})}
    assert (summaries["shop.order"].efferent, summaries["shop.basket"].afferent) == (1, 1)
    assert summaries["shop.basket"].inbound_imports == 0  # no import reaches into it


def _report(edges: list[ModuleEdge]) -> BoundaryReport:
    modules = tuple(
        ModuleSummary(name, "", 0, False, 0, 0, 0.0, 0, 0, True) for name in ("a", "b", "c")
    )
    return BoundaryReport("/r", ("shop",), modules, tuple(edges), (), (), ())


def test_graph_formats_dash_an_edge_only_references_make_and_name_its_kind() -> None:
    hidden = ModuleEdge("a", "b", (ImportSite("a.py", 3, "a", "b", MODEL_REFERENCE),) * 2)
    mixed = ModuleEdge(
        "b", "c", (ImportSite("b.py", 1, "b", "c"), ImportSite("b.py", 4, "b", "c", URL_INCLUDE))
    )
    report = _report([hidden, mixed])
    dot = render_boundaries_dot(report)
    assert '"a" -> "b" [label="2 model references", style=dashed];' in dot
    assert '"b" -> "c" [label="1 import, 1 URL include"];' in dot
    assert "-. model reference .->" in render_boundaries_mermaid(report)
    note = hidden_couplings_note(report, listed=False)
    assert note is not None and note.startswith("1 dependency(ies) between modules exist only")
    assert "(model reference 1)" in note
    assert hidden_couplings_note(_report([mixed]), listed=False) is None


def _strings(source: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    import ast

    from codehealth.boundaries import reference_strings

    return reference_strings(ast.parse(source))


def test_the_gate_sees_a_new_string_reference_in_a_files_facts() -> None:
    """The gate skips the project-wide boundary check when a file's facts are equal: a new
    ForeignKey("app.Model"), include(), sender= or settings path must change them."""
    base = "class A(Model):\n    x = ForeignKey('order.Order')\n"
    assert _strings(base) == (("ForeignKey", ("order.Order",)),)
    assert _strings("\n\n" + base) == _strings(base)  # lines do not count
    for added in (
        "    y = models.ManyToManyField(to='basket.Line')\n",
        "    z = ForeignKey(settings.AUTH_USER_MODEL)\n",
        "urls = [path('', include('shop.urls'))]\n",
        "post_save.connect(handler, sender='order.Order')\n",
        "MIDDLEWARE = ['shop.middleware.Basket']\n",
    ):
        assert _strings(base + added) != _strings(base), added
    assert _strings(base + "total = compute('order.Order')\n") == _strings(base)
    config = "class OrderConfig(AppConfig):\n    name = 'shop.order'\n    label = '{}'\n"
    assert _strings(config.format("order")) != _strings(config.format("orders"))


def test_a_setting_that_names_no_module_is_no_reference() -> None:
    """Editing a title or a secret in the settings must not look like a new reference."""
    assert _strings("TITLE = 'Shop'\nSECRET_KEY = 'x.y z'\n") == ()
    assert _strings("ROOT_URLCONF = 'urls'\n") == (("ROOT_URLCONF", ("urls",)),)


def test_a_cycle_keeps_its_fingerprint_when_a_new_site_becomes_its_first() -> None:
    """saleor 9062d3ee13 added a file importing into an existing cycle, and the gate called the
    cycle new: its finding moved to the new file. A cycle is fingerprinted by itself."""
    from codehealth.boundaries import finish_violations

    def fingerprint(imports: list[tuple[str, str, int]]) -> tuple[str, str]:
        cycles = find_cycles(analysed([], imports).edges)
        [violation] = finish_violations(cycle_findings(cycles), SOURCES, "/r", {})
        return violation.finding.fingerprint, violation.finding.path

    back = [
        ("shop.basket.models", "shop.order.models", 1),
        ("shop.order.models", "shop.basket.models", 1),
    ]
    before, _ = fingerprint(back)
    after, where = fingerprint([*back, ("shop.basket", "shop.order.models", 1)])
    assert where == "shop/basket/__init__.py"  # the new import is the cycle's first site now
    assert after == before
    other, _ = fingerprint([back[1], ("shop.basket.models", "shop.order", 1)])
    assert other == before  # the same two modules in a cycle, whatever the imports
