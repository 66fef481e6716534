"""System-written timeline entries keep their template key and facts, so they are
shown in the reader's language (cms.ppid.timeline)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ppid", "0002_ppid_groups"),
    ]

    operations = [
        migrations.AddField(
            model_name="requestentry",
            name="facts",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
