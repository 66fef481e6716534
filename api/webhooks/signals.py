"""Thin receivers: publishing, unpublishing, deleting pages and changing their
privacy record webhook deliveries in the same transaction (see ``events``)."""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from . import events
from .selectors import WATCHED_TYPES


@receiver(pre_save, dispatch_uid="webhooks_remember_live")
def remember_live(sender, instance, update_fields=None, raw=False, **kwargs):
    """Whether the page was live before this save: publishing saves it whole with
    ``live=True``; draft saves name their fields and are skipped (no query)."""
    if (
        raw
        or update_fields is not None
        or not isinstance(instance, WATCHED_TYPES)
        or not instance.pk
        or not instance.live
    ):
        return
    instance._webhooks_was_live = bool(
        Page.objects.filter(pk=instance.pk).values_list("live", flat=True).first()
    )


@receiver(page_published, dispatch_uid="webhooks_page_published")
def on_published(sender, instance, **kwargs):
    was_live = instance.__dict__.pop("_webhooks_was_live", None)
    events.page_published_notify(instance, was_live=was_live)


@receiver(page_unpublished, dispatch_uid="webhooks_page_unpublished")
def on_unpublished(sender, instance, **kwargs):
    events.page_unpublished_notify(instance)


# Wagtail deletes the specific page; Django then deletes its base ``Page`` row and
# sends this signal once per page (descendants included) before any row is gone.
@receiver(pre_delete, sender=Page, dispatch_uid="webhooks_page_deleting")
def on_deleting(sender, instance, **kwargs):
    events.page_deleting_notify(instance)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="webhooks_private")
def on_restricted(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        events.privacy_changed_notify(instance.page_id, restricted=True)


@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="webhooks_public")
def on_unrestricted(sender, instance, origin=None, **kwargs):
    # Only a restriction removed by itself; one deleted with its page must not
    # announce the page as public again right after its deletion event.
    model = getattr(origin, "model", type(origin))
    if model is PageViewRestriction:
        events.privacy_changed_notify(instance.page_id, restricted=False)
