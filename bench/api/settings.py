"""Settings of the API benchmark's server: production settings plus Wagtail's own
API v2 (the comparison). ``BENCH_API_CACHE=off`` turns our server-side response
cache and its fast path off, for the uncached comparison."""

import os

from cms.settings.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]  # noqa: F405
ROOT_URLCONF = "bench.api.urls"
API_SERVER_CACHE = os.environ.get("BENCH_API_CACHE", "on") != "off"
API_FAST_PATH = API_SERVER_CACHE

# ``--db-pool``: Django's psycopg pool. Under ASGI each request runs in a thread of
# its own, so without a pool every request opens a PostgreSQL connection.
if os.environ.get("BENCH_DB_POOL") == "on":
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405 (the pool keeps them)
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {  # noqa: F405
        "min_size": 2,
        "max_size": 8,
    }
