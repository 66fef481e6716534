"""The content generation: one number in the shared cache that changes after every
commit that can change public API output. Cached API responses remember the
generation they were rendered under; an entry of an older generation is never served.

Bumping after commit (``transaction.on_commit``) means a rolled-back change never
invalidates anything and a request that starts after the commit finds the new
generation, so it renders from the committed data. One bump per transaction: an
import publishing thousands of pages invalidates once.

The generation is also the API's ``Last-Modified``: Unix seconds of the last bump,
kept strictly increasing (two bumps in one second give distinct values, so a client's
``If-Modified-Since`` never hides a change made in the same second).

Connected in ``cms.core.apps.CoreConfig.ready``; read by the API's response cache
and the portal's page cache.
"""

import logging
import time

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from cms.core.cache_client import (
    CACHE_ERRORS,
    cache_key,
    get_many,
    redis_client,
    run_script,
)

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

# Saves of a live page that touch only editing state (a new draft, a lock):
# nothing public changes.
_DRAFT_ONLY_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "wagtail_admin_comments",
        "locked",
        "locked_by",
        "locked_at",
    }
)


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


def after_commit(func) -> None:
    """Run ``func`` once the current transaction commits (at once outside one).
    The API's cache upkeep goes through here, so a rolled-back change never
    touches the caches (tests/api/conftest.py replays commits through it)."""
    transaction.on_commit(func, robust=True)


def content_changed() -> None:
    """Public content may have changed: bump the generation once, after commit."""
    pending = getattr(connection, "run_on_commit", [])
    # A callback dropped with a rolled-back savepoint is registered again.
    if not any(entry[1] is bump_content_generation for entry in pending):
        after_commit(bump_content_generation)


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


# --- receivers: every change that can alter public output ----------------------------

# Images and documents appear in API bodies; view restrictions decide what is public.
_MEDIA_AND_PRIVACY = (
    get_image_model(),
    get_document_model(),
    Collection,
    PageViewRestriction,
    CollectionViewRestriction,
)


@receiver(page_published, dispatch_uid="api_cache_page_published")
@receiver(page_unpublished, dispatch_uid="api_cache_page_unpublished")
@receiver(post_page_move, dispatch_uid="api_cache_page_moved")
@receiver(page_slug_changed, dispatch_uid="api_cache_page_slug_changed")
def on_page_event(sender, **kwargs):
    content_changed()


@receiver(post_save, dispatch_uid="api_cache_saved")
def on_save(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        # A live page saved directly (imports, scripts); drafts change nothing.
        if instance.live and not (
            update_fields and set(update_fields) <= _DRAFT_ONLY_FIELDS
        ):
            content_changed()
    elif isinstance(instance, _MEDIA_AND_PRIVACY):
        content_changed()


@receiver(post_delete, dispatch_uid="api_cache_deleted")
def on_delete(sender, instance, **kwargs):
    if isinstance(instance, (Page, *_MEDIA_AND_PRIVACY)):
        content_changed()
