"""Load the shipped holiday calendar and let the province groups that already
exist edit it (``manage.py load_holidays`` repeats both after new groups appear)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from cms.core.holidays import holidays_grant_permissions, holidays_load


def load(apps, schema_editor):
    holidays_load(model=apps.get_model("core", "Holiday"))


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate).
    app_config = apps.get_app_config("core")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    holidays_grant_permissions(
        group_model=apps.get_model("auth", "Group"),
        permission_model=apps.get_model("auth", "Permission"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_holiday"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
