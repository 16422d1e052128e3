"""INSTALLED_APPS and the settings' string paths read from the settings' AST: split settings,
computed lists, conditionals, the environment, AppConfig labels; notes for what is not read."""

from __future__ import annotations

import pytest

from codehealth.django import DjangoApp, read_django_project

APPS = {
    "shop/__init__.py": "",
    "shop/order/__init__.py": "",
    "shop/order/models.py": "",
    "shop/order/middleware.py": "",
    "shop/catalogue/__init__.py": "",
    "shop/catalogue/apps.py": """
        from django.apps import AppConfig

        class CatalogueConfig(AppConfig):
            name = "shop.catalogue"
            label = "product"
    """,
    "shop/users/__init__.py": "",
    "shop/users/apps.py": """
        from django.apps import AppConfig

        class UsersConfig(AppConfig):
            name = "shop.users"
            label = "accounts"

        class LegacyUsersConfig(AppConfig):
            name = "shop.users"
            label = "legacy_users"
    """,
    "shop/urls.py": "",
    "config/__init__.py": "",
}


def read_apps(project_files, settings: dict[str, str], module: str = "config.settings"):
    modules, read = project_files({**APPS, **settings})
    return read_django_project(module, modules, read)


def names(project) -> list[str]:
    return [app.name for app in project.apps]


SETTINGS_FORMS = {
    "a literal list": (
        {"config/settings.py": 'INSTALLED_APPS = ["django.contrib.auth", "shop.order"]'},
        ["django.contrib.auth", "shop.order"],
        [],
    ),
    "concatenation of named lists": (
        {
            "config/settings.py": """
                DJANGO_APPS = ("django.contrib.auth",)
                LOCAL_APPS = ["shop.order"]
                INSTALLED_APPS = list(DJANGO_APPS) + LOCAL_APPS + ["shop.catalogue"]
            """
        },
        ["django.contrib.auth", "shop.order", "shop.catalogue"],
        [],
    ),
    "star unpacking, += and append": (
        {
            "config/settings.py": """
                BASE = ["shop.order"]
                INSTALLED_APPS = [*BASE]
                INSTALLED_APPS += ("shop.catalogue",)
                INSTALLED_APPS.append("shop.users")
            """
        },
        ["shop.order", "shop.catalogue", "shop.users"],
        [],
    ),
    "relative star import across split settings": (
        {
            "config/settings/__init__.py": "",
            "config/settings/base.py": 'INSTALLED_APPS = ["shop.order"]',
            "config/settings/production.py": """
                from .base import *
                INSTALLED_APPS += ["shop.catalogue"]
            """,
        },
        ["shop.order", "shop.catalogue"],
        [],
    ),
    "absolute star import across split settings": (
        {
            "config/settings/__init__.py": "",
            "config/settings/base.py": 'INSTALLED_APPS = ["shop.order"]',
            "config/settings/production.py": """
                from config.settings.base import *
                INSTALLED_APPS = INSTALLED_APPS + ["shop.users"]
            """,
        },
        ["shop.order", "shop.users"],
        [],
    ),
    "a conditional: every branch read, with a note": (
        {
            "config/settings.py": """
                DEBUG = True
                INSTALLED_APPS = ["shop.order"]
                if DEBUG:
                    INSTALLED_APPS += ["debug_toolbar"]
                else:
                    INSTALLED_APPS = ["shop.order", "shop.catalogue"]
            """
        },
        ["shop.order", "debug_toolbar", "shop.catalogue"],
        ["config/settings.py:4: INSTALLED_APPS set under a condition"],
    ),
    "env.list: its default read, with a note": (
        {
            "config/settings.py": """
                import environ
                env = environ.Env()
                INSTALLED_APPS = ["shop.order"] + env.list("EXTRA_APPS", default=["shop.users"])
            """
        },
        ["shop.order", "shop.users"],
        ["config/settings.py:4: INSTALLED_APPS: read from the environment by list()"],
    ),
    "a computed part: what is literal read, the rest noted": (
        {
            "config/settings.py": """
                INSTALLED_APPS = ["shop.order", f"shop.{NAME}"] + plugin_apps()
            """
        },
        ["shop.order"],
        [
            "config/settings.py:2: INSTALLED_APPS: an f-string, not understood",
            "config/settings.py:2: INSTALLED_APPS: a call to plugin_apps(), not understood",
        ],
    ),
    "a star import of something that is not the project's": (
        {"config/settings.py": 'from somewhere_else import *\nINSTALLED_APPS = ["shop.order"]'},
        ["shop.order"],
        ["config/settings.py:1: star import of somewhere_else, not a project module"],
    ),
}


@pytest.mark.parametrize("case", list(SETTINGS_FORMS))
def test_installed_apps_read_from_the_settings_ast(case: str, project_files) -> None:
    settings, expected, notes = SETTINGS_FORMS[case]
    module = "config.settings.production" if "split" in case else "config.settings"
    project = read_apps(project_files, settings, module)
    assert names(project) == expected
    for note in notes:
        assert any(found.startswith(note) for found in project.notes), project.notes
    if not notes:
        assert project.notes == ()


LABELS = {
    "an app module: the last component": ("shop.order", DjangoApp("shop.order", "order", True)),
    "an app module whose apps.py has one AppConfig: its label": (
        "shop.catalogue",
        DjangoApp("shop.catalogue", "product", True),
    ),
    "an AppConfig path: its name and label": (
        "shop.users.apps.LegacyUsersConfig",
        DjangoApp("shop.users", "legacy_users", True, "shop.users.apps.LegacyUsersConfig"),
    ),
    "django.contrib: external": (
        "django.contrib.auth",
        DjangoApp("django.contrib.auth", "auth", False),
    ),
    "a third-party AppConfig path: external, its app module": (
        "django.contrib.admin.apps.SimpleAdminConfig",
        DjangoApp(
            "django.contrib.admin", "admin", False, "django.contrib.admin.apps.SimpleAdminConfig"
        ),
    ),
}


@pytest.mark.parametrize("case", list(LABELS))
def test_app_labels_resolved(case: str, project_files) -> None:
    entry, expected = LABELS[case]
    project = read_apps(project_files, {"config/settings.py": f"INSTALLED_APPS = [{entry!r}]"})
    assert project.apps == (expected,)


def test_default_app_config_is_the_one_marked_default(project_files) -> None:
    apps_py = """
        from django.apps import AppConfig

        class OrderConfig(AppConfig):
            name = "shop.order"
            label = "orders"
            default = True

        class OtherConfig(AppConfig):
            name = "shop.order"
            label = "other"
    """
    settings = {
        "shop/order/apps.py": apps_py,
        "config/settings.py": 'INSTALLED_APPS = ["shop.order"]',
    }
    project = read_apps(project_files, settings)
    assert [app.label for app in project.apps] == ["orders"]


def test_label_inherited_from_a_project_base_config(project_files) -> None:
    # An oscar-style fork: the forked config sets only its name, the label is the base's.
    files = {
        "fork/__init__.py": "",
        "fork/order/__init__.py": "",
        "fork/order/apps.py": """
            from shop.order import apps

            class OrderConfig(apps.OrderConfig):
                name = "fork.order"
        """,
        "shop/order/apps.py": """
            from shop.config import ShopConfig

            class OrderConfig(ShopConfig):
                name = "shop.order"
                label = "order"
        """,
        "shop/config.py": "from django.apps import AppConfig\nclass ShopConfig(AppConfig): pass\n",
        "config/settings.py": 'INSTALLED_APPS = ["fork.order.apps.OrderConfig"]',
    }
    project = read_apps(project_files, files)
    assert project.apps == (DjangoApp("fork.order", "order", True, "fork.order.apps.OrderConfig"),)


def test_a_namespace_package_app_is_internal(project_files) -> None:
    # shop/blog/ has no __init__.py: a PEP 420 package, its modules as a caller finds them.
    modules, read = project_files({**APPS, "config/settings.py": 'INSTALLED_APPS = ["shop.blog"]'})
    project = read_django_project("config.settings", {**modules, "shop.blog.models": "x"}, read)
    assert project.apps == (DjangoApp("shop.blog", "blog", True),)


def test_two_apps_with_one_label_are_noted(project_files) -> None:
    files = {
        "other/__init__.py": "",
        "other/order/__init__.py": "",
        "config/settings.py": 'INSTALLED_APPS = [\n    "shop.order",\n    "other.order",\n]',
    }
    project = read_apps(project_files, files)
    assert project.notes == (
        "config/settings.py:3: apps shop.order (config/settings.py:2) and other.order share the "
        "label 'order': model strings with it are taken as shop.order's",
    )


def test_a_configured_label_that_matches_no_app_is_noted(project_files) -> None:
    files = {
        "config/settings.py": 'INSTALLED_APPS = ["shop.order"]\nAUTH_USER_MODEL = "users.User"'
    }
    project = read_apps(project_files, files)
    assert project.auth_user_model == "users.User"
    assert project.notes == (
        "config/settings.py:2: AUTH_USER_MODEL 'users.User': "
        "no installed app has the label 'users'",
    )


def test_an_app_config_path_naming_no_class_is_noted(project_files) -> None:
    files = {"config/settings.py": 'INSTALLED_APPS = ["shop.catalogue.apps.MissingConfig"]'}
    project = read_apps(project_files, files)
    assert project.apps == (
        DjangoApp("shop.catalogue", "catalogue", True, "shop.catalogue.apps.MissingConfig"),
    )
    assert "no class MissingConfig in shop.catalogue.apps" in project.notes[0]


def test_a_settings_module_that_is_not_the_projects_is_noted(project_files) -> None:
    project = read_apps(project_files, {}, "elsewhere.settings")
    assert project.apps == ()
    assert project.notes == (
        "settings module elsewhere.settings is not one of the project's modules",
    )


def test_settings_paths_name_project_modules_and_classes(project_files) -> None:
    settings = """
        INSTALLED_APPS = ["shop.order"]
        MIDDLEWARE = [
            "django.middleware.common.CommonMiddleware",
            "shop.order.middleware.BasketMiddleware",
        ]
        ROOT_URLCONF = "shop.urls"
        TEMPLATES = [{"OPTIONS": {"context_processors": ["shop.order.middleware.basket"]}}]
        CACHE_PREFIX = "shop"
    """
    project = read_apps(project_files, {"config/settings.py": settings})
    assert project.settings_paths == (
        ("config/settings.py", 5, "MIDDLEWARE", "shop.order.middleware.BasketMiddleware"),
        ("config/settings.py", 7, "ROOT_URLCONF", "shop.urls"),
        ("config/settings.py", 8, "TEMPLATES", "shop.order.middleware.basket"),
    )
