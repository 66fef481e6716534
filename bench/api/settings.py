"""Settings of the API benchmark's server: production settings plus Wagtail's own
API v2 (the comparison) and a static copy of our responses (the practical limit)."""

from cms.settings.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]  # noqa: F405
ROOT_URLCONF = "bench.api.urls"
