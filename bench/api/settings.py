"""Settings of the API benchmark's server: production settings plus Wagtail's own
API v2 (the comparison). ``BENCH_API_CACHE=off`` turns our server-side response
cache and its fast path off, for the uncached comparison. The psycopg pool is
production's (``DATABASE_POOL_SIZE``, set by ``run.py``)."""

import os

from cms.settings.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]  # noqa: F405
ROOT_URLCONF = "bench.api.urls"
API_SERVER_CACHE = os.environ.get("BENCH_API_CACHE", "on") != "off"
API_FAST_PATH = API_SERVER_CACHE
