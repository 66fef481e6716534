"""Keep the cached key records and the CORS origin list in step with the database.

After every commit that changes a key, its cached record is *rewritten* (not just
deleted): a request that read the old row just before the commit uses ``cache.add``
and so can't put the old state back (``selectors.py``).
"""

import logging

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from api.keys import selectors
from api.keys.models import APIKey
from cms.core import content_generation as cache_invalidation
from cms.core.cache_client import CACHE_ERRORS

logger = logging.getLogger(__name__)


@receiver(post_save, sender=APIKey, dispatch_uid="api_keys_saved")
@receiver(post_delete, sender=APIKey, dispatch_uid="api_keys_deleted")
def on_key_change(sender, instance, **kwargs):
    key_hash = instance.key_hash

    def refresh():
        # The committed row (None once deleted), without related objects.
        record = APIKey.objects.filter(key_hash=key_hash).first()
        try:
            cache.set(
                selectors.record_name(key_hash),
                selectors._MISSING if record is None else record,
                selectors.RECORD_TTL,
            )
            cache.set(
                selectors.ORIGINS_NAME,
                selectors.active_key_origins_from_db(),
                selectors.ORIGINS_TTL,
            )
        except CACHE_ERRORS:
            logger.exception("Could not refresh the cached API key %s", key_hash[:8])

    cache_invalidation.after_commit(refresh)
