"""Report.due_on: the next deadline stored (cms/complaints/deadlines.py), filled for
existing rows in batches, then indexed for the "terlambat" filter.

Not atomic: each batch commits on its own and the index is built CONCURRENTLY, so
a large table stays writable. Reports written meanwhile by the old code are not
filled: ``deadlines.resync()`` (idempotent) repairs them after the deploy."""

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class AddIndexConcurrentlyOnPostgres(AddIndexConcurrently):
    """CONCURRENTLY on PostgreSQL; a plain index on the embedded SQLite of
    ``make run`` (which has no such option)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_forwards(
                app_label, schema_editor, from_state, to_state
            )
        model = to_state.apps.get_model(app_label, self.model_name)
        schema_editor.add_index(model, self.index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_backwards(
                app_label, schema_editor, from_state, to_state
            )
        model = from_state.apps.get_model(app_label, self.model_name)
        schema_editor.remove_index(model, self.index)


def fill_due_on(apps, schema_editor):
    from cms.complaints.deadlines import resync

    resync(
        apps.get_model("complaints", "Report"),
        apps.get_model("complaints", "Disposition"),
    )


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("complaints", "0003_report_newest_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="report",
            name="due_on",
            field=models.DateField(
                blank=True, null=True, verbose_name="batas waktu berikutnya"
            ),
        ),
        migrations.RunPython(fill_due_on, migrations.RunPython.noop, elidable=True),
        AddIndexConcurrentlyOnPostgres(
            model_name="report",
            index=models.Index(
                condition=models.Q(due_on__isnull=False),
                fields=["due_on"],
                name="complaints_report_due_on",
            ),
        ),
    ]
