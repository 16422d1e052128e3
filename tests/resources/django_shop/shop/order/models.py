from django.conf import settings
from django.db import models


class Order(models.Model):
    basket = models.ForeignKey("basket.Basket", on_delete=models.PROTECT)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    number = models.CharField(max_length=32)
