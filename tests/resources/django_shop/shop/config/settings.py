INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "shop.catalogue",
    "shop.order.apps.OrderConfig",
    "shop.basket",
    "shop.dashboard",
]

MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
    "shop.basket.middleware.BasketMiddleware",
]

ROOT_URLCONF = "shop.config.urls"
