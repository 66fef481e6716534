"""Settings of the search benchmark's server: production settings, plus Django's
psycopg pool unless ``BENCH_DB_POOL=off``. Under ASGI every request runs in a thread
of its own: a persistent connection (``CONN_MAX_AGE``) would leak one per request,
and none opens a PostgreSQL connection (a server process) per request."""

import os

from cms.settings.production import *  # noqa: F403

DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
if os.environ.get("BENCH_DB_POOL", "on") != "off":
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {  # noqa: F405
        "min_size": 2,
        "max_size": 8,
    }
