"""Settings of the complaints benchmark's servers: production settings plus a static
copy of a submission receipt (the practical limit of the same server), and a cache
key prefix per scratch database (two servers share the scratch Redis DB)."""

import os

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.complaints.urls"
CACHES["default"]["KEY_PREFIX"] = os.environ.get("BENCH_CACHE_PREFIX", "")  # noqa: F405
