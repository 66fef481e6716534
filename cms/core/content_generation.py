"""The content generation: one number in the shared cache that changes after every
commit that can change public API output. Cached API responses remember the
generation they were rendered under; an entry of an older generation is never served.

Bumped by the change events' after-commit stage (``cms.core.changes``), once per
transaction that changed anything public: a rolled-back change never invalidates
anything, a request that starts after the commit finds the new generation, and an
import publishing thousands of pages invalidates once.

The generation is also the API's ``Last-Modified``: Unix seconds of the last bump,
kept strictly increasing (two bumps in one second give distinct values, so a client's
``If-Modified-Since`` never hides a change made in the same second).

Read by the API's response cache and the portal's page cache; the design is written
down in docs/adr/007-api-and-portal-caching.md.
"""

import logging
import time

from django.core.cache import cache

from cms.core.cache_client import (
    CACHE_ERRORS,
    cache_key,
    get_many,
    redis_client,
    run_script,
)
from cms.core.changes import PUBLIC_KINDS, Stage
from cms.core.changes import subscribe as subscribe_to

logger = logging.getLogger(__name__)

GENERATION_KEY = "api:content-generation"  # name kept: live caches use it

# max(previous + 1, now): unique per bump, and equal to the bump time unless bumps
# come faster than one a second (then it runs ahead of the clock for a while).
_BUMP_SCRIPT = """
local previous = tonumber(redis.call('GET', KEYS[1]) or '0')
local generation = math.max(previous + 1, tonumber(ARGV[1]))
redis.call('SET', KEYS[1], generation)
return generation
"""


def bump_content_generation() -> int | None:
    """Start a new generation now; None when the cache is unreachable (logged:
    cached responses then live at most ``API_SERVER_CACHE_TTL``)."""
    now = int(time.time())
    try:
        if redis_client() is not None:
            return int(run_script(_BUMP_SCRIPT, [cache_key(GENERATION_KEY)], [now]))
        generation = max((cache.get(GENERATION_KEY) or 0) + 1, now)
        cache.set(GENERATION_KEY, generation, timeout=None)
        return generation
    except CACHE_ERRORS:
        logger.exception("Could not bump the API content generation")
        return None


def ensure_generation() -> int | None:
    """The current generation, starting one if the cache has none (first start,
    eviction); None when the cache is unreachable. One round trip when it exists."""
    try:
        generation = get_many([GENERATION_KEY]).get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, int(time.time()), timeout=None)
            generation = cache.get(GENERATION_KEY)
        return generation
    except CACHE_ERRORS:
        return None


def on_changes_committed(changes) -> None:
    """``COMMITTED`` subscriber: the transaction changed something public."""
    bump_content_generation()


def subscribe() -> None:
    subscribe_to(on_changes_committed, stage=Stage.COMMITTED, kinds=PUBLIC_KINDS)
