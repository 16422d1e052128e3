from django.urls import include, path

urlpatterns = [
    path("dashboard/", include("shop.dashboard.urls")),
]
