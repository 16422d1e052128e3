from django.db import migrations, models


class Migration(migrations.Migration):
    operations = [
        migrations.AddField(
            model_name="order",
            name="product",
            field=models.ForeignKey(on_delete=models.PROTECT, to="catalogue.product"),
        ),
    ]
