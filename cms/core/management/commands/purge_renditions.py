from datetime import timedelta

from django.core.management.base import BaseCommand

from cms.core.renditions_purge import renditions_purge


class Command(BaseCommand):
    help = (
        "Delete image renditions stored as the wrong kind (a public image's under "
        "images/, signed; a private image's under public/) and rendition files no "
        "rendition references; they are made again in the right place when next shown."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report, delete nothing."
        )
        parser.add_argument(
            "--min-age-minutes",
            type=int,
            default=60,
            help="Leave unreferenced files younger than this (being made now).",
        )

    def handle(self, *args, dry_run: bool, min_age_minutes: int, **options):
        report = renditions_purge(
            dry_run=dry_run, min_age=timedelta(minutes=min_age_minutes)
        )
        verb = "Would delete" if dry_run else "Deleted"
        for name in report.orphan_files:
            self.stdout.write(f"{verb} unreferenced file {name}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {report.renditions} renditions of the wrong kind "
                f"({report.images} images) and {len(report.orphan_files)} "
                "unreferenced rendition files."
            )
        )
