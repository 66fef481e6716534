"""Keep ``ContentTombstone`` in step with what the public can see.

Thin handlers: they only record (or clear) tombstones, in the transaction of the
change itself, so a rolled-back unpublish leaves no tombstone behind.
"""

from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from cms.content.models import ContentPage
from cms.core.selectors import is_public, only_public

from .models import ContentTombstone, TombstoneReason


def _type_code(page) -> str:
    return getattr(page.specific_class, "type_code", "") if page.content_type_id else ""


def record_tombstone(page, reason: str) -> None:
    opd = page.opd if page.opd_id else None
    ContentTombstone.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "opd_slug": opd.slug if opd else "",
            "type_code": _type_code(page),
            "reason": reason,
            "removed_at": timezone.now(),
        },
    )


def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, ContentPage):
        record_tombstone(instance, TombstoneReason.UNPUBLISHED)


def on_published(sender, instance, **kwargs):
    # Published but still private (restricted) stays tombstoned.
    if isinstance(instance, ContentPage) and is_public(instance):
        ContentTombstone.objects.filter(page_id=instance.pk).delete()


def on_deleted(sender, instance, **kwargs):
    # Drafts that never went live were never mirrored: nothing to drop.
    if instance.first_published_at is not None:
        record_tombstone(instance, TombstoneReason.DELETED)


def _content_under(restriction):
    return ContentPage.objects.descendant_of(restriction.page, inclusive=True)


def on_restriction_saved(sender, instance, created, **kwargs):
    if not created:
        return
    for page in _content_under(instance).live().select_related("opd"):
        record_tombstone(page, TombstoneReason.PRIVATE)


def on_restriction_deleted(sender, instance, **kwargs):
    """Public again: forget the tombstones (a mirror learns of the item again only
    when it is republished; see docs/api/resources.md)."""
    pages = only_public(_content_under(instance)).values("pk")
    ContentTombstone.objects.filter(
        page_id__in=pages, reason=TombstoneReason.PRIVATE
    ).delete()


def connect() -> None:
    page_unpublished.connect(on_unpublished, dispatch_uid="api-tombstone-unpublish")
    page_published.connect(on_published, dispatch_uid="api-tombstone-publish")
    post_delete.connect(
        on_deleted, sender=ContentPage, dispatch_uid="api-tombstone-delete"
    )
    post_save.connect(
        on_restriction_saved,
        sender=PageViewRestriction,
        dispatch_uid="api-tombstone-private",
    )
    post_delete.connect(
        on_restriction_deleted,
        sender=PageViewRestriction,
        dispatch_uid="api-tombstone-public-again",
    )
