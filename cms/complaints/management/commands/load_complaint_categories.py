from pathlib import Path

from django.core.management.base import BaseCommand

from cms.complaints.categories import CATEGORIES_FILE, categories_load


class Command(BaseCommand):
    help = (
        "Create the complaint categories from the reference file and repair the "
        "verification team's and OPD liaisons' groups (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=CATEGORIES_FILE)

    def handle(self, *args, file: Path, **options):
        created, updated = categories_load(path=file)
        self.stdout.write(
            self.style.SUCCESS(
                f"Complaint categories: {created} created, {updated} updated."
            )
        )
