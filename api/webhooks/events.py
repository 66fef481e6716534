"""Recording events: the deliveries a page change creates, written inside the
transaction that changed the page (a ``RECORD`` subscriber of the change events)."""

import uuid
from functools import partial

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cms.core.changes import (
    PAGE_STATE_KINDS,
    Change,
    ContentChange,
    Stage,
    subscribe,
)
from cms.core.visibility import is_public

from . import selectors
from .models import Event, WebhookDelivery
from .payloads import envelope, object_ref
from .tasks import enqueue_deliveries


def webhook_event_record(
    *, page: Page, event: str, public: bool, opd_ids=None
) -> list[int]:
    """One delivery row per interested endpoint (of ``opd_ids`` when given); the
    sends are enqueued after commit. A rolled-back transaction takes the rows and
    the enqueue with it."""
    if not selectors.any_active_endpoint():
        return []  # the usual case on a fresh install: no further queries
    owner = selectors.owner_opd(page)
    if opd_ids is None:
        opd_ids = selectors.interested_opd_ids(page, owner)
    endpoints = selectors.endpoints_for(opd_ids, event)
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


def page_published_notify(page: Page, *, was_live: bool) -> None:
    """Published: ``content.published`` when it becomes public, ``updated`` when it
    already was. A page that is live but private is gone as far as sites know."""
    if not page.live or not selectors.is_watched(page):
        return  # scheduled for later: the real publish sends the event
    if not selectors.any_active_endpoint():
        return
    if is_public(page):
        event = Event.UPDATED if was_live else Event.PUBLISHED
        webhook_event_record(page=page, event=event, public=True)
    elif was_live:
        webhook_event_record(page=page, event=Event.UNPUBLISHED, public=False)


def page_unpublished_notify(page: Page) -> None:
    """Unpublished (an unpublish that is part of a deletion is no event: the
    deletion is announced instead)."""
    if selectors.is_watched(page):
        webhook_event_record(page=page, event=Event.UNPUBLISHED, public=False)


def page_deleting_notify(page: Page) -> None:
    """Called before the rows go (the OPD and series links are still there). A page
    that was never published was never announced, so its deletion is not either."""
    if page.first_published_at is not None and selectors.is_watched(page):
        webhook_event_record(page=page, event=Event.DELETED, public=False)


def privacy_changed_notify(root: Page | None, *, restricted: bool) -> None:
    """A view restriction added to (or removed from) a page changes whether its live
    watched pages, descendants included, are public: sites drop them, or add them
    back once they are public again."""
    if root is None or not selectors.any_active_endpoint():
        return
    for page in Page.objects.descendant_of(root, inclusive=True).live():
        if not selectors.is_watched(page):
            continue
        if restricted:
            webhook_event_record(page=page, event=Event.UNPUBLISHED, public=False)
        elif is_public(page):
            webhook_event_record(page=page, event=Event.PUBLISHED, public=True)


def moved_to_other_opd_notify(root: Page, *, old_opd_id, new_opd_id) -> None:
    """Moved to another OPD: the old OPD's site drops every live watched page of
    the subtree, the new OPD's site adds the public ones."""
    if not selectors.any_active_endpoint():
        return
    for page in Page.objects.descendant_of(root, inclusive=True).live():
        if not selectors.is_watched(page):
            continue
        if old_opd_id is not None:
            webhook_event_record(
                page=page, event=Event.UNPUBLISHED, public=False, opd_ids={old_opd_id}
            )
        if new_opd_id is not None and is_public(page):
            webhook_event_record(
                page=page, event=Event.PUBLISHED, public=True, opd_ids={new_opd_id}
            )


def on_change(change: ContentChange) -> None:
    kind = change.kind
    if kind in (Change.PUBLISHED, Change.UPDATED):
        page_published_notify(change.page, was_live=kind == Change.UPDATED)
    elif kind == Change.UNPUBLISHED:
        page_unpublished_notify(change.page)
    elif kind == Change.DELETED:
        page_deleting_notify(change.page)
    elif kind == Change.PRIVACY_CHANGED:
        privacy_changed_notify(change.page, restricted=change.restricted)
    elif kind == Change.MOVED and change.opd_changed:
        moved_to_other_opd_notify(
            change.page, old_opd_id=change.old_opd_id, new_opd_id=change.new_opd_id
        )


def subscribe_to_changes() -> None:
    subscribe(on_change, stage=Stage.RECORD, kinds=PAGE_STATE_KINDS)
