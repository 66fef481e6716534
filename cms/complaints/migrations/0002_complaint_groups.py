"""The verification team and one liaison group per existing OPD (new OPDs get
theirs on creation; ``load_complaint_categories`` repairs permissions)."""

from django.db import migrations

VERIFIER_GROUP = "Provinsi: Tim Verifikasi Aduan"
LIAISON_SUFFIX = ": Penghubung Aduan"


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    OPDPage = apps.get_model("opd", "OPDPage")
    # On a fresh database permissions come after migrate; the command adds them.
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    names = [VERIFIER_GROUP] + [
        f"{slug}{LIAISON_SUFFIX}" for slug in OPDPage.objects.values_list("slug", flat=True)
    ]
    for name in names:
        group, _ = Group.objects.get_or_create(name=name)
        if access_admin is not None:
            group.permissions.add(access_admin)


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
