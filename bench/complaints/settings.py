"""Settings of the complaints benchmark's server: production settings plus a static
copy of a submission receipt (the practical limit of the same server)."""

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.complaints.urls"
