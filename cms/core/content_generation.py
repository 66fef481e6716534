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

from django.conf import settings
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
    global _recent
    now = int(time.time())
    try:
        if redis_client() is not None:
            generation = int(
                run_script(_BUMP_SCRIPT, [cache_key(GENERATION_KEY)], [now])
            )
        else:
            generation = max((cache.get(GENERATION_KEY) or 0) + 1, now)
            cache.set(GENERATION_KEY, generation, timeout=None)
    except CACHE_ERRORS:
        logger.exception("Could not bump the API content generation")
        return None
    _recent = (time.monotonic(), generation)  # this process knows at once
    return generation


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


# (when read, the generation) in this process, for ``recent_generation``.
_recent: tuple[float, int | None] = (float("-inf"), None)


def recent_generation() -> int | None:
    """The generation as read at most ``RECENT_GENERATION_SECONDS`` ago in this
    process (one round trip a second instead of one per request), or as this
    process last bumped it. Only for answers that already lag the commit by as
    much, never stored: the public search, which Elasticsearch answers once the
    index has caught up (about a second after a publish). Cached responses and
    pages always read the current generation."""
    global _recent
    read_at, generation = _recent
    now = time.monotonic()
    max_age = getattr(settings, "RECENT_GENERATION_SECONDS", 1.0)
    if generation is not None and now - read_at < max_age:
        return generation
    generation = ensure_generation()
    _recent = (now, generation)
    return generation


def forget_recent() -> None:
    """Tests: as a fresh process."""
    global _recent
    _recent = (float("-inf"), None)


def on_changes_committed(changes) -> None:
    """``COMMITTED`` subscriber: the transaction changed something public."""
    bump_content_generation()


def subscribe() -> None:
    subscribe_to(on_changes_committed, stage=Stage.COMMITTED, kinds=PUBLIC_KINDS)
