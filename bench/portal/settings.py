"""Settings of the portal benchmark's server: production settings plus static copies
of the measured pages (the practical limit of the same server)."""

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.portal.urls"
