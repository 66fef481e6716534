"""Run the daily complaint jobs by hand: close overdue reports, then send the
deadline reminders and escalations (idempotent per day)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from cms.complaints.services import close_overdue
from cms.notifications.reminders import reminders_send


class Command(BaseCommand):
    help = "Kirim pengingat dan eskalasi tenggat aduan, tutup aduan selesai yang lewat."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Tanggal (YYYY-MM-DD) yang dianggap hari ini; bawaan: hari ini.",
        )
        parser.add_argument(
            "--no-close", action="store_true", help="Jangan tutup aduan selesai."
        )

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError(f"Tanggal tidak valid: {options['date']}") from exc
        closed = 0 if options["no_close"] else close_overdue(today)
        sent = reminders_send(today)
        self.stdout.write(f"ditutup: {closed}, pengingat/eskalasi: {sent}")
