from django.apps import apps


def product_count():
    Product = apps.get_model("catalogue", "Product")
    return Product.objects.count()
