"""``manage.py import_content FILE.jsonl``: a thin wrapper around the import service."""

import sys
from contextlib import nullcontext

from django.core.management.base import BaseCommand, CommandError

from cms.importer.services import BATCH_SIZE, content_import


class Command(BaseCommand):
    help = (
        "Create or update content items from a JSON Lines file (one object per line; "
        "'-' reads standard input). Re-importing a source_url updates its page."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="JSON Lines file, or '-' for stdin")
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args, path, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        try:
            # Binary lines: the parser reports a line that is not UTF-8 by number.
            stream = (
                nullcontext(sys.stdin.buffer) if path == "-" else open(path, "rb")  # noqa: SIM115
            )
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}") from None
        with stream as lines:
            report = content_import(lines=lines, batch_size=batch_size)
        for bad in report.bad_lines:
            self.stderr.write(str(bad))
        self.stdout.write(f"Import: {report.summary()}.")
        if report.bad:
            raise CommandError(
                f"{report.bad} bad line(s), listed above; the rest were imported."
            )
