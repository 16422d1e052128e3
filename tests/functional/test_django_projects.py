"""Issue 16: a Django project's apps are modules, and the couplings Django makes by strings
(model references, get_model, URL includes, settings paths) are edges of their own kind in
``boundaries`` and in the gate. The sample project (tests/resources/django_shop) is read,
never imported: Django is not installed here."""

from __future__ import annotations

from typing import Any

import pytest
from clitools import commit_all, run_cli, write_files

SETTINGS = "shop.config.settings"


def _edges(document: dict[str, Any]) -> dict[tuple[str, str], set[str]]:
    return {
        (e["source"], e["target"]): {site["kind"] for site in e["imports"]}
        for e in document["edges"]
    }


def test_apps_are_modules_and_string_references_are_edges(make_repo: Any) -> None:
    repo = make_repo("django_shop")
    run = run_cli("boundaries", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err
    document = run.json()
    assert document["django_settings"] == SETTINGS
    modules = {m["name"] for m in document["modules"]}
    assert {"shop.order", "shop.basket", "shop.catalogue", "shop.dashboard"} <= modules
    assert _edges(document) == {
        ("shop.order", "shop.basket"): {"model reference"},  # ForeignKey("basket.Basket")
        ("shop.basket", "shop.catalogue"): {"model reference"},  # "catalogue.Product"
        ("shop.dashboard", "shop.order"): {"URL include"},  # include("shop.order.urls")
        ("shop.dashboard", "shop.catalogue"): {"get_model"},  # get_model("catalogue", ...)
        ("shop.config", "shop.basket"): {"settings path"},  # MIDDLEWARE
        ("shop.config", "shop.dashboard"): {"URL include"},
    }  # the migration's to="catalogue.product" is no dependency of shop.order
    order = next(m for m in document["modules"] if m["name"] == "shop.order")
    assert (order["afferent"], order["efferent"]) == (1, 1)


def test_the_table_names_the_project_and_the_hidden_couplings(make_repo: Any) -> None:
    repo = make_repo("django_shop")
    plain = run_cli("boundaries", "--modules", cwd=repo).out
    assert f"Django project: settings {SETTINGS}" in plain
    assert "Dependencies no import shows" in plain
    assert "shop.order -> shop.basket" in plain and "shop/order/models.py:6" in plain
    dot = run_cli("boundaries", "--format", "dot", cwd=repo).out
    assert '"shop.order" -> "shop.basket" [label="1 model reference", style=dashed];' in dot


def test_a_model_reference_breaks_depends_on(make_repo: Any) -> None:
    config = '[tool.codehealth.modules]\n"shop.order" = { depends_on = [] }\n'
    repo = make_repo("django_shop", {"pyproject.toml": config})
    run = run_cli("boundaries", "--format", "json", cwd=repo)
    assert run.code == 1
    [violation] = run.json()["violations"]
    assert (violation["rule"], violation["path"], violation["line"]) == (
        "CH304",
        "shop/order/models.py",
        6,
    )
    assert "by a model reference `basket.Basket`" in violation["message"]


@pytest.mark.parametrize("included", [False, True])
def test_contracts_see_string_references_only_when_asked(make_repo: Any, included: bool) -> None:
    config = (
        "[tool.codehealth.boundaries]\n"
        f"include_string_references = {'true' if included else 'false'}\n\n"
        "[[tool.codehealth.contracts]]\n"
        'name = "orders do not know baskets"\ntype = "forbidden"\n'
        'source_modules = ["shop.order"]\nforbidden_modules = ["shop.basket"]\n'
    )
    repo = make_repo("django_shop", {"pyproject.toml": config})
    document = run_cli("boundaries", "--format", "json", cwd=repo).json()
    [contract] = document["contracts"]
    assert contract["kept"] is not included


def test_the_gate_fails_a_change_that_closes_a_cycle_by_a_model_reference(make_repo: Any) -> None:
    repo = make_repo("django_shop")
    signals = (
        "from django.db.models.signals import post_save\n"
        "from django.dispatch import receiver\n\n\n"
        '@receiver(post_save, sender="order.Order")\n'
        "def order_placed(sender, instance, **kwargs):\n"
        "    return instance\n"
    )
    write_files(
        repo,
        {"shop/basket/models.py": (repo / "shop/basket/models.py").read_text() + "\n\n" + signals},
    )
    commit_all(repo, "basket hears of orders")
    run = run_cli("gate", "--base", "HEAD~1", "--format", "json", cwd=repo)
    assert run.code == 1, run.out + run.err
    problems = [p for p in run.json()["problems"] if p["rule"] == "CH306"]
    assert problems, run.out
    message = problems[0]["message"]
    assert "in a cycle: shop.basket -> shop.order -> shop.basket, through" in message
    assert "`shop.basket` -> `shop.order` (1 model reference)" in message
    assert problems[0]["path"] == "shop/basket/models.py"


def test_init_offers_the_django_public_api_convention(make_repo: Any) -> None:
    repo = make_repo("django_shop")
    run = run_cli("init", cwd=repo)
    assert run.code == 0, run.out + run.err
    written = (repo / "pyproject.toml").read_text()
    assert f"a Django project (settings {SETTINGS})" in written
    assert '# public = ["models", "apps", "admin", "signals", "urls"]' in written


def test_the_gate_fails_a_new_model_reference_that_depends_on_does_not_list(
    make_repo: Any,
) -> None:
    """An edit that adds nothing but a string ForeignKey to an existing file: the gate's fast
    path must see it (no import changed) and compare the whole project."""
    config = '[tool.codehealth.modules]\n"shop.catalogue" = { depends_on = [] }\n'
    repo = make_repo("django_shop", {"pyproject.toml": config})
    models = repo / "shop/catalogue/models.py"
    added = '    basket = models.ForeignKey("basket.Basket", on_delete=models.CASCADE)\n'
    write_files(repo, {"shop/catalogue/models.py": models.read_text() + added})
    commit_all(repo, "products know baskets")
    run = run_cli("gate", "--base", "HEAD~1", "--format", "json", cwd=repo)
    assert run.code == 1, run.out + run.err
    [problem] = [p for p in run.json()["problems"] if p["rule"] == "CH304"]
    assert (problem["path"], problem["line"]) == ("shop/catalogue/models.py", 7)
    assert "by a model reference `basket.Basket`" in problem["message"]


def test_a_configured_settings_module_that_does_not_exist_stops_the_run(make_repo: Any) -> None:
    config = '[tool.codehealth.django]\nsettings_module = "shop.config.setting"\n'
    repo = make_repo("django_shop", {"pyproject.toml": config})
    run = run_cli("boundaries", cwd=repo)
    assert run.code == 2, run.out + run.err
    assert "settings_module: 'shop.config.setting' is not a module of the project" in run.err
    assert "did you mean 'shop.config.settings'?" in run.err
