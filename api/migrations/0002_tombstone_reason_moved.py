from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="contenttombstone",
            name="reason",
            field=models.CharField(
                choices=[
                    ("unpublished", "tidak diterbitkan lagi"),
                    ("deleted", "dihapus"),
                    ("private", "dijadikan privat"),
                    ("moved", "pindah ke OPD lain"),
                ],
                max_length=20,
                verbose_name="alasan",
            ),
        ),
    ]
