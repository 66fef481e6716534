"""Rename existing OPD workflows and review tasks to the names Wagtail's sentences
read naturally with ("Ajukan ke redaksi Diskominfo"); see cms.opd.access."""

from django.db import migrations


def rename(apps, schema_editor):
    OPDPage = apps.get_model("opd", "OPDPage")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    OPDReviewTask = apps.get_model("editorial", "OPDReviewTask")
    for opd in OPDPage.objects.all():
        for assigned in WorkflowPage.objects.filter(page_id=opd.pk):
            assigned.workflow.name = f"redaksi {opd.short_name}"
            assigned.workflow.save(update_fields=["name"])
        if opd.reviewer_group_id:
            OPDReviewTask.objects.filter(groups=opd.reviewer_group_id).update(
                name=f"tinjauan redaksi {opd.short_name}"
            )


class Migration(migrations.Migration):
    dependencies = [
        ("opd", "0003_provincehomepage_serta_merta_days_featuredseries"),
        ("editorial", "0001_initial"),
    ]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
