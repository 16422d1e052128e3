from django.urls import include, path

urlpatterns = [
    path("orders/", include("shop.order.urls")),
]
