"""Settings of the complaints benchmark's servers: production settings with a cache
key prefix per scratch database (two servers share the scratch Redis DB). The static
limit is in ``asgi.py``, in front of Django."""

import os

from cms.settings.production import *  # noqa: F403

CACHES["default"]["KEY_PREFIX"] = os.environ.get("BENCH_CACHE_PREFIX", "")  # noqa: F405
