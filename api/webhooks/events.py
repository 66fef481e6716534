"""Recording events: the deliveries a page change creates, written inside the
transaction that changed the page (called from ``signals``)."""

import uuid
from functools import partial

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cms.core.selectors import is_public

from . import selectors
from .models import Event, WebhookDelivery
from .payloads import envelope, object_ref
from .tasks import enqueue_deliveries


def webhook_event_record(*, page: Page, event: str, public: bool) -> list[int]:
    """One delivery row per interested endpoint; the sends are enqueued after
    commit. A rolled-back transaction takes the rows and the enqueue with it."""
    if not selectors.any_active_endpoint():
        return []  # the usual case on a fresh install: no further queries
    owner = selectors.owner_opd(page)
    endpoints = selectors.endpoints_for(
        selectors.interested_opd_ids(page, owner), event
    )
    if not endpoints:
        return []
    ref = object_ref(page, owner, public=public)
    now = timezone.now()
    rows = []
    for endpoint in endpoints:
        delivery_id = uuid.uuid4()
        payload = envelope(
            delivery_id=delivery_id,
            event=event,
            occurred_at=now,
            opd_slug=endpoint.opd.slug,
            ref=ref,
        )
        rows.append(
            WebhookDelivery(
                endpoint=endpoint,
                delivery_id=delivery_id,
                event=event,
                page_id=page.pk,
                payload=payload,
                next_attempt_at=now,
                queued_for=now,
            )
        )
    with transaction.atomic():
        created = WebhookDelivery.objects.bulk_create(rows)
        ids = [row.pk for row in created]
        transaction.on_commit(partial(enqueue_deliveries, ids), robust=True)
    return ids


def page_published_notify(page: Page, *, was_live: bool | None) -> None:
    """Published: ``content.published`` when it becomes public, ``updated`` when it
    already was. A page that is live but private is gone as far as sites know."""
    if not page.live or not selectors.is_watched(page):
        return  # scheduled for later: the real publish sends the event
    if not selectors.any_active_endpoint():
        return
    if was_live is None:  # saved outside the usual publish path
        was_live = page.first_published_at != page.last_published_at
    if is_public(page):
        event = Event.UPDATED if was_live else Event.PUBLISHED
        webhook_event_record(page=page, event=event, public=True)
    elif was_live:
        webhook_event_record(page=page, event=Event.UNPUBLISHED, public=False)


def page_unpublished_notify(page: Page) -> None:
    """Unpublished. Wagtail also unpublishes a live page it is deleting, after our
    ``pre_delete`` recorded the deletion: that page is announced as deleted only."""
    if selectors.is_watched(page) and not selectors.deletion_recorded(page.pk):
        webhook_event_record(page=page, event=Event.UNPUBLISHED, public=False)


def page_deleting_notify(page: Page) -> None:
    """Called before the rows go (the OPD and series links are still there). A page
    that was never published was never announced, so its deletion is not either."""
    if page.first_published_at is not None and selectors.is_watched(page):
        webhook_event_record(page=page, event=Event.DELETED, public=False)


def privacy_changed_notify(page_id: int, *, restricted: bool) -> None:
    """A view restriction added to (or removed from) a page changes whether its live
    watched pages, descendants included, are public: sites drop them, or add them
    back once they are public again."""
    root = Page.objects.filter(pk=page_id).first()
    if root is None or not selectors.any_active_endpoint():
        return
    for page in Page.objects.descendant_of(root, inclusive=True).live():
        if not selectors.is_watched(page):
            continue
        if restricted:
            webhook_event_record(page=page, event=Event.UNPUBLISHED, public=False)
        elif is_public(page):
            webhook_event_record(page=page, event=Event.PUBLISHED, public=True)
