from pathlib import Path

from django.core.management.base import BaseCommand

from cms.opd.services import REFERENCE_FILE, opds_load_reference


class Command(BaseCommand):
    help = (
        "Create or update the OPD pages of Pemprov Banten from the reference data file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=REFERENCE_FILE)

    def handle(self, *args, file: Path, **options):
        report = opds_load_reference(path=file)
        self.stdout.write(
            self.style.SUCCESS(
                f"OPD: {report.created} created, {report.updated} updated, "
                f"{report.unchanged} unchanged."
            )
        )
