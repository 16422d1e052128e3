from django.db import models


class Product(models.Model):
    title = models.CharField(max_length=200)
    parent = models.ForeignKey("self", null=True, on_delete=models.CASCADE)
