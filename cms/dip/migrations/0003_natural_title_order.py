from django.conf import settings
from django.db import migrations, models

from cms.dip.sorting import natural_sort_key


def fill_title_sort_keys(apps, schema_editor):
    """Existing entries get the key save() sets on every new write."""
    entry_model = apps.get_model("dip", "DIPEntryPage")
    batch = []
    for entry in entry_model.objects.only("pk", "title").iterator(chunk_size=2000):
        entry.title_sort_key = natural_sort_key(entry.title)
        batch.append(entry)
        if len(batch) >= 2000:
            entry_model.objects.bulk_update(batch, ["title_sort_key"])
            batch = []
    entry_model.objects.bulk_update(batch, ["title_sort_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("dip", "0002_dipentrypage_opd"),
        ("opd", "0004_natural_workflow_names"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="dipentrypage",
            name="title_sort_key",
            field=models.CharField(default="", editable=False, max_length=255),
        ),
        migrations.RunPython(fill_title_sort_keys, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="dipentrypage",
            index=models.Index(
                fields=["kategori", "-tahun", "title_sort_key", "page_ptr"],
                name="dip_entry_natural_order",
            ),
        ),
    ]
