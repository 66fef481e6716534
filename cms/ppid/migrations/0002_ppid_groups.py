"""PPID Utama, Atasan PPID and one PPID Pelaksana group per existing OPD (new OPDs
get theirs on creation; ``load_complaint_categories`` repairs permissions)."""

from django.db import migrations

GROUPS = ["Provinsi: PPID Utama", "Provinsi: Atasan PPID"]
PELAKSANA_SUFFIX = ": PPID Pelaksana"


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    OPDPage = apps.get_model("opd", "OPDPage")
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    slugs = OPDPage.objects.values_list("slug", flat=True)
    for name in GROUPS + [f"{slug}{PELAKSANA_SUFFIX}" for slug in slugs]:
        group, _ = Group.objects.get_or_create(name=name)
        if access_admin is not None:
            group.permissions.add(access_admin)


class Migration(migrations.Migration):
    dependencies = [
        ("ppid", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
