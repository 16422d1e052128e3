"""Each string form a module may depend on another app by, from data: relation fields,
signal senders, get_model, URL includes and settings paths; what is not literal is noted."""

from __future__ import annotations

import ast
import textwrap

import pytest

from codehealth.core import Reference
from codehealth.core.boundary_records import GET_MODEL, MODEL_REFERENCE, SETTINGS_PATH, URL_INCLUDE
from codehealth.django import may_reference, read_django_project, string_references

SETTINGS = """
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "shop.order",
    "shop.catalogue.apps.CatalogueConfig",
    "shop.users",
]
AUTH_USER_MODEL = "users.User"
MIDDLEWARE = ["shop.order.middleware.BasketMiddleware"]
ROOT_URLCONF = "shop.urls"
"""
FILES = {
    "config/__init__.py": "",
    "config/settings.py": SETTINGS,
    "shop/__init__.py": "",
    "shop/urls.py": "",
    "shop/order/__init__.py": "",
    "shop/order/models.py": "",
    "shop/order/urls.py": "",
    "shop/order/middleware.py": "",
    "shop/order/migrations/__init__.py": "",
    "shop/order/migrations/0001_initial.py": "",
    "shop/catalogue/__init__.py": "",
    "shop/catalogue/apps.py": """
from django.apps import AppConfig
class CatalogueConfig(AppConfig):
    name = "shop.catalogue"
    label = "product"
""",
    "shop/catalogue/models/__init__.py": "",
    "shop/users/__init__.py": "",
}
PRODUCT = "shop.catalogue.models"

# (source in shop/order/models.py, [(target, kind, text)], [note fragments])
FORMS = {
    "positional app_label.Model": (
        'models.ForeignKey("product.Product", on_delete=models.CASCADE)',
        [(PRODUCT, MODEL_REFERENCE, "product.Product")],
        [],
    ),
    "to= keyword": (
        'models.ForeignKey(on_delete=models.CASCADE, to="product.Product")',
        [(PRODUCT, MODEL_REFERENCE, "product.Product")],
        [],
    ),
    "lower-case model name": (
        'models.ManyToManyField("product.product")',
        [(PRODUCT, MODEL_REFERENCE, "product.product")],
        [],
    ),
    "OneToOneField and GenericRelation": (
        'OneToOneField("product.Product")\nGenericRelation("product.Tag")',
        [(PRODUCT, MODEL_REFERENCE, "product.Product"), (PRODUCT, MODEL_REFERENCE, "product.Tag")],
        [],
    ),
    '"self"': ('models.ForeignKey("self", on_delete=models.CASCADE)', [], []),
    '"Model" within the same app': ('models.ForeignKey("Basket")', [], []),
    "the own app's label": ('models.ForeignKey("order.Basket")', [], []),
    "an external app's model": ('models.ForeignKey("auth.Group")', [], []),
    "labels are case-sensitive": (
        'models.ForeignKey("Product.Product")',
        [],
        ["shop/order/models.py:1: 'Product.Product': no installed app has the label 'Product'"],
    ),
    "an unknown label": (
        'models.ForeignKey("nowhere.Thing")',
        [],
        ["shop/order/models.py:1: 'nowhere.Thing': no installed app has the label 'nowhere'"],
    ),
    "settings.AUTH_USER_MODEL": (
        "models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)",
        [("shop.users", MODEL_REFERENCE, "settings.AUTH_USER_MODEL")],
        [],
    ),
    "an imported AUTH_USER_MODEL": (
        "models.ForeignKey(AUTH_USER_MODEL)",
        [("shop.users", MODEL_REFERENCE, "AUTH_USER_MODEL")],
        [],
    ),
    "a swappable model (swapper.get_model_name)": (
        'models.ForeignKey(swapper.get_model_name("product", "Product"))',
        [(PRODUCT, MODEL_REFERENCE, "product.Product")],
        [],
    ),
    "a model class: its import shows it": ("models.ForeignKey(Product)", [], []),
    "an f-string": (
        'models.ForeignKey(f"{LABEL}.Product")',
        [],
        ["shop/order/models.py:1: ForeignKey target is an f-string, not read"],
    ),
    "a variable": (
        "models.ForeignKey(product_model)",
        [],
        ["shop/order/models.py:1: ForeignKey target is the variable product_model, not read"],
    ),
    "get_model with two arguments": (
        'apps.get_model("product", "Product")',
        [(PRODUCT, GET_MODEL, "product.Product")],
        [],
    ),
    "get_model with one argument": (
        'django_apps.get_model("product.Product")',
        [(PRODUCT, GET_MODEL, "product.Product")],
        [],
    ),
    "get_model with keywords": (
        'apps.get_model(app_label="product", model_name="Product")',
        [(PRODUCT, GET_MODEL, "product.Product")],
        [],
    ),
    "get_model of a variable": (
        'apps.get_model(label, "Product")',
        [],
        ["shop/order/models.py:1: get_model() with an argument that is not a string"],
    ),
    "a model's own get_model()": ("self.get_model()", [], []),
    "a receiver's sender": (
        '@receiver(post_save, sender="product.Product")\ndef changed(sender, **kwargs): pass',
        [(PRODUCT, MODEL_REFERENCE, "product.Product")],
        [],
    ),
    "a mail's sender is not a model": ('send_mail(subject, sender="noreply@shop.example")', [], []),
    "a connect's sender": (
        'post_save.connect(changed, sender="product.Product")',
        [(PRODUCT, MODEL_REFERENCE, "product.Product")],
        [],
    ),
}


def project():
    modules = {}
    for path in FILES:
        dotted = path[:-3].replace("/", ".").removesuffix(".__init__")
        modules[dotted] = path
    sources = {path: textwrap.dedent(text).encode() for path, text in FILES.items()}
    return read_django_project("config.settings", modules, sources.get)


def found(module: str, path: str, source: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    references, notes = string_references(project(), module, path, ast.parse(source))
    assert all(r.importer == module and r.path == path for r in references)
    return [(r.target, r.kind, r.text) for r in references], notes


@pytest.mark.parametrize("case", list(FORMS))
def test_string_forms_in_a_models_module(case: str) -> None:
    source, expected, notes = FORMS[case]
    references, found_notes = found("shop.order.models", "shop/order/models.py", source)
    assert references == expected
    assert len(found_notes) == len(notes), found_notes
    for note, text in zip(notes, found_notes, strict=True):
        assert text.startswith(note)


INCLUDES = {
    "a module path": (
        'include("shop.order.urls")',
        [("shop.order.urls", URL_INCLUDE, "shop.order.urls")],
        [],
    ),
    "a (module, namespace) tuple": (
        'include(("shop.order.urls", "order"))',
        [("shop.order.urls", URL_INCLUDE, "shop.order.urls")],
        [],
    ),
    "a module outside the project": ('include("django.contrib.admindocs.urls")', [], []),
    "a module of an app that does not exist": (
        'include("shop.order.api_urls")',
        [],
        ["shop/urls.py:1: include('shop.order.api_urls') names no module of the project"],
    ),
    "an f-string": (
        'include(f"shop.{name}.urls")',
        [],
        ["shop/urls.py:1: include() of an f-string"],
    ),
    "a list of patterns: its import shows it": ("include(router.urls)", [], []),
}


@pytest.mark.parametrize("case", list(INCLUDES))
def test_url_includes(case: str) -> None:
    source, expected, notes = INCLUDES[case]
    references, found_notes = found("shop.urls", "shop/urls.py", source)
    assert references == expected
    assert [note for note in found_notes if not any(note.startswith(n) for n in notes)] == []
    assert len(found_notes) == len(notes)


def test_settings_paths_are_references_of_the_settings_file() -> None:
    references, notes = string_references(
        project(), "config.settings", "config/settings.py", ast.parse(SETTINGS)
    )
    assert notes == []
    assert references == [
        Reference(
            "config/settings.py",
            10,
            "config.settings",
            "shop.order.middleware",
            SETTINGS_PATH,
            "shop.order.middleware.BasketMiddleware",
        ),
        Reference(
            "config/settings.py", 11, "config.settings", "shop.urls", SETTINGS_PATH, "shop.urls"
        ),
    ]


def test_a_nested_app_depends_on_its_parent_app_by_label() -> None:
    files = dict(FILES)
    files["shop/catalogue/reviews/__init__.py"] = ""
    files["shop/catalogue/reviews/models.py"] = ""
    reviews = '"shop.users",\n    "shop.catalogue.reviews",'
    files["config/settings.py"] = SETTINGS.replace('"shop.users",', reviews)
    modules = {path[:-3].replace("/", ".").removesuffix(".__init__"): path for path in files}
    sources = {path: textwrap.dedent(text).encode() for path, text in files.items()}
    nested = read_django_project("config.settings", modules, sources.get)
    tree = ast.parse('ForeignKey("product.Product")\nForeignKey("reviews.Vote")')
    path = "shop/catalogue/reviews/models.py"
    references, notes = string_references(nested, "shop.catalogue.reviews.models", path, tree)
    assert [(r.target, r.text) for r in references] == [(PRODUCT, "product.Product")]
    assert notes == []


def test_a_migration_holds_no_references() -> None:
    source = 'migrations.AddField(field=models.ForeignKey(to="product.product"))\nf"{x}"'
    module = "shop.order.migrations.0001_initial"
    assert string_references(
        project(), module, "shop/order/migrations/0001_initial.py", ast.parse(source)
    ) == ([], [])


def test_the_default_user_model_is_external() -> None:
    modules = {"shop.order.models": "shop/order/models.py", "config.settings": "config/settings.py"}
    sources = {"config/settings.py": b'INSTALLED_APPS = ["django.contrib.auth", "shop.order"]'}
    django_project = read_django_project("config.settings", modules, sources.get)
    tree = ast.parse("models.ForeignKey(settings.AUTH_USER_MODEL)")
    assert string_references(django_project, "shop.order.models", "shop/order/models.py", tree) == (
        [],
        [],
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (b'ForeignKey("product.Product")', True),
        (b'include("shop.urls")', True),
        (b'@receiver(post_save, sender="a.B")', True),
        (b"import os\nprint(os.getcwd())\n", False),
    ],
)
def test_may_reference_lets_a_caller_skip_files(source: bytes, expected: bool) -> None:
    assert may_reference(project(), "shop/order/models.py", source) is expected
    assert may_reference(project(), "config/settings.py", b"x = 1") is True
    assert may_reference(project(), "shop/order/migrations/0001_initial.py", source) is False


WRAPPERS = (
    "{case}",
    "import os\n\n\nclass Unrelated:\n    name = CharField(max_length=10)\n\n\n"
    "@decorated(\n    option=True,\n)\ndef outer():\n{indented}\n",
    "class Order(Model):\n    number = CharField()\n{indented}\n",
)


@pytest.mark.parametrize("case", [*FORMS, *INCLUDES])
def test_reading_only_the_mention_lines_finds_what_the_whole_tree_holds(case: str) -> None:
    """The pass reads only the calls that span a line naming ForeignKey, get_model,
    include( or sender=; inside a class, a decorated function or a multi-line call it must
    find the same references and notes as a walk of the whole tree."""
    from codehealth.django import mention_lines

    source = (FORMS.get(case) or INCLUDES[case])[0]
    indented = textwrap.indent(source, "    ")
    for wrapper in WRAPPERS:
        text = wrapper.format(case=source, indented=indented)
        tree = ast.parse(text)
        where = ("shop.order.models", "shop/order/models.py")
        if case not in FORMS:
            where = ("shop.urls", "shop/urls.py")
        whole = string_references(project(), *where, tree)
        read = string_references(project(), *where, tree, mention_lines(text.encode()))
        assert read == whole, text
        assert read[0] or read[1] or not (FORMS.get(case) or INCLUDES[case])[1], text


def test_mention_lines_are_the_lines_that_name_a_reference_form() -> None:
    from codehealth.django import mention_lines

    source = b"a = 1\nb = ForeignKey('x.Y')\n\nc = include('p.urls')\nd = f(sender='a.B')\n"
    assert mention_lines(source) == (2, 4, 5)
    assert mention_lines(b"x = CharField()\n") == ()
