"""Demo content for local development: sample users per OPD and sample items.

Not for production: reference data (the OPDs) comes from ``load_opds``.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from cms.core.demo.loader import demo_items_load
from cms.core.dev_credentials import CREDENTIALS_FILE, dev_password
from cms.opd.models import OPDPage

DEMO_OPDS = ["diskominfo", "dinkes", "bpbd", "bappeda", "dispar"]
ITEMS_FILE = Path(__file__).resolve().parents[2] / "demo" / "items.jsonl"


class Command(BaseCommand):
    help = "Development only: demo editors, reviewers and sample items (idempotent)."

    def handle(self, *args, **options):
        User = get_user_model()
        password = dev_password()
        created_users = 0
        for opd in OPDPage.objects.filter(slug__in=DEMO_OPDS):
            for role in ("editor", "reviewer"):
                username = f"{opd.slug}.{role}"
                user, created = User.objects.get_or_create(
                    username=username,
                    defaults={"first_name": role.title(), "last_name": opd.short_name},
                )
                if created:
                    user.set_password(password)
                    user.save()
                    created_users += 1
        items = demo_items_load(ITEMS_FILE)
        self.stdout.write(
            f"Demo: {created_users} users created, {items} items loaded. "
            f"Users such as 'diskominfo.editor' use the password in {CREDENTIALS_FILE}."
        )
