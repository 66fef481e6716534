from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand

from cms.core.holidays import DATA_FILE, holidays_grant_permissions, holidays_load
from cms.core.models import Holiday


class Command(BaseCommand):
    help = (
        "Load national holidays and cuti bersama from the shipped calendar "
        "(additive: admin edits are kept) and let the province groups edit them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=DATA_FILE)

    def handle(self, *args, file: Path, **options):
        report = holidays_load(model=Holiday, path=file)
        groups = holidays_grant_permissions(
            group_model=Group, permission_model=Permission
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Holidays: {report.created} created, {report.kept} kept, "
                f"{report.removed} estimates removed; {groups} groups may edit them."
            )
        )
