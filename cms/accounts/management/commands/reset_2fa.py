from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.accounts.two_factor import two_factor_reset


class Command(BaseCommand):
    help = (
        "Forget a user's authenticator and recovery codes (lost phone): the user "
        "enrols again at the next sign-in. Login lockouts: axes_reset_username."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        count = two_factor_reset(user)
        self.stdout.write(f"Removed {count} two-factor device(s) of {username!r}.")
