"""Settings of the live admin benchmark's servers and driver: production settings
with the cache (and so the live event stream) under a key prefix of their own in
a scratch Redis DB shared with other benchmarks."""

import os

from cms.settings.production import *  # noqa: F403

CACHES["default"]["KEY_PREFIX"] = os.environ.get("BENCH_CACHE_PREFIX", "")  # noqa: F405
