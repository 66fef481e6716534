"""Demo content for local development: sample users per OPD and sample items.

Not for production: reference data (the OPDs) comes from ``load_opds``.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from cms.core.demo.loader import demo_items_load
from cms.core.dev_credentials import CREDENTIALS_FILE, dev_password
from cms.opd.access import PROVINCE_GROUP
from cms.opd.models import OPDPage

DEMO_OPDS = ["diskominfo", "dinkes", "bpbd", "bappeda", "dispar"]
ITEMS_FILE = Path(__file__).resolve().parents[2] / "demo" / "items.jsonl"


class Command(BaseCommand):
    help = "Development only: demo editors, reviewers and sample items (idempotent)."

    def handle(self, *args, **options):
        password = dev_password()
        created = 0
        for opd in OPDPage.objects.filter(slug__in=DEMO_OPDS):
            for role, group in (
                ("editor", opd.editor_group),
                ("reviewer", opd.reviewer_group),
            ):
                created += self._user(
                    f"{opd.slug}.{role}", password, group, last_name=opd.short_name
                )
        province = Group.objects.get(name=PROVINCE_GROUP)
        created += self._user(
            "provinsi.kurator", password, province, last_name="Provinsi"
        )
        items = demo_items_load(ITEMS_FILE)
        self.stdout.write(
            f"Demo: {created} users created, {items} items loaded. "
            f"Users such as 'diskominfo.editor' use the password in {CREDENTIALS_FILE}."
        )

    def _user(self, username: str, password: str, group, *, last_name: str) -> int:
        role = username.split(".", 1)[1]
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "first_name": role.title(),
                "last_name": last_name,
                "email": f"{username}@demo.invalid",
            },
        )
        if created:
            user.set_password(password)
            user.save()
        if group is not None:
            user.groups.add(group)
        return int(created)
