from django.db import models


class Basket(models.Model):
    created = models.DateTimeField(auto_now_add=True)


class Line(models.Model):
    basket = models.ForeignKey(Basket, on_delete=models.CASCADE)
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT)
