"""Local development: DEBUG on by default; services only if their variables are set."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# The embedded setup's demo logins (README) work with the password alone; set
# ADMIN_2FA_REQUIRED=true to try two-factor sign-in locally.
ADMIN_2FA_REQUIRED = env.bool("ADMIN_2FA_REQUIRED", default=False)
DJANGO_ADMIN_ENABLED = env.bool("DJANGO_ADMIN_ENABLED", default=True)
