from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from cms.core.dev_credentials import CREDENTIALS_FILE, dev_password


class Command(BaseCommand):
    help = (
        "Development only: create the 'admin' superuser with this checkout's password."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write("User 'admin' exists.")
            return
        User.objects.create_superuser("admin", "admin@localhost", dev_password())
        self.stdout.write(f"Created 'admin'; password in {CREDENTIALS_FILE}.")
