"""Keep ``ContentTombstone`` in step with what the public can see.

A ``RECORD`` subscriber of the change events: tombstones are written (or cleared)
in the transaction of the change itself, so a rolled-back unpublish leaves no
tombstone behind.
"""

from django.db.models import Q
from django.utils import timezone

from cms.content.models import ContentPage
from cms.core.changes import Change, ContentChange, Stage, subscribe
from cms.core.visibility import is_public, only_public
from cms.opd.models import OPDPage

from .models import ContentTombstone, TombstoneReason


def record_tombstone(page: ContentPage, reason: str, *, opd_slug=None) -> None:
    if opd_slug is None:
        opd_slug = page.opd.slug if page.opd_id else ""
    ContentTombstone.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "opd_slug": opd_slug,
            "type_code": getattr(page.specific_class, "type_code", ""),
            "reason": reason,
            "removed_at": timezone.now(),
        },
    )


def _content_under(page) -> list:
    """Live content items at or below ``page``, with their OPD."""
    if page is None:
        return []
    return list(
        ContentPage.objects.descendant_of(page, inclusive=True)
        .live()
        .select_related("opd")
    )


def on_unpublished(change: ContentChange) -> None:
    if isinstance(change.page, ContentPage):
        record_tombstone(change.page, TombstoneReason.UNPUBLISHED)


def on_published(change: ContentChange) -> None:
    # Published but still private (restricted) stays tombstoned. A tombstone left
    # for the OPD the item moved away from stays too: its mirror may not have
    # synced yet.
    page = change.page
    if not isinstance(page, ContentPage) or not is_public(page):
        return
    # The owner from the row: the instance Wagtail publishes comes from a revision.
    current = (
        ContentPage.objects.filter(pk=page.pk)
        .values_list("opd__slug", flat=True)
        .first()
    )
    ContentTombstone.objects.filter(page_id=page.pk).exclude(
        Q(reason=TombstoneReason.MOVED) & ~Q(opd_slug=current or "")
    ).delete()


def on_deleted(change: ContentChange) -> None:
    # Drafts that never went live were never mirrored: nothing to drop. Sent
    # before the rows go, so the item and its OPD are still there.
    item = (
        ContentPage.objects.filter(pk=change.page_id, first_published_at__isnull=False)
        .select_related("opd")
        .first()
    )
    if item is not None:
        record_tombstone(item, TombstoneReason.DELETED)


def on_privacy_changed(change: ContentChange) -> None:
    if change.restricted:
        for page in _content_under(change.page):
            record_tombstone(page, TombstoneReason.PRIVATE)
        return
    # Public again: forget the tombstones (a mirror learns of the item again only
    # when it is republished; see docs/api/resources.md).
    if change.page is not None:
        pages = only_public(
            ContentPage.objects.descendant_of(change.page, inclusive=True)
        ).values("pk")
        ContentTombstone.objects.filter(
            page_id__in=pages, reason=TombstoneReason.PRIVATE
        ).delete()


def on_moved(change: ContentChange) -> None:
    """Moved to another OPD: the old OPD's mirror must drop the items, the new
    one's may hold an old tombstone of them (moved away and back)."""
    if not change.opd_changed:
        return
    slugs = dict(
        OPDPage.objects.filter(
            pk__in=[change.old_opd_id, change.new_opd_id]
        ).values_list("pk", "slug")
    )
    old_slug, new_slug = slugs.get(change.old_opd_id), slugs.get(change.new_opd_id)
    items = _content_under(change.page)
    if new_slug:
        ContentTombstone.objects.filter(
            page_id__in=[item.pk for item in items],
            reason=TombstoneReason.MOVED,
            opd_slug=new_slug,
        ).delete()
    if old_slug:
        for item in items:
            record_tombstone(item, TombstoneReason.MOVED, opd_slug=old_slug)


_HANDLERS = {
    Change.UNPUBLISHED: on_unpublished,
    Change.PUBLISHED: on_published,
    Change.UPDATED: on_published,
    Change.DELETED: on_deleted,
    Change.PRIVACY_CHANGED: on_privacy_changed,
    Change.MOVED: on_moved,
}


def on_change(change: ContentChange) -> None:
    _HANDLERS[change.kind](change)


def subscribe_to_changes() -> None:
    subscribe(on_change, stage=Stage.RECORD, kinds=_HANDLERS)
