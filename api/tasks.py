"""Celery tasks of the API outside webhooks: rendering stored details of items an
editor just published, so that their first reader does not pay for it."""

import logging

from celery import shared_task

from api.v1.stored_details import store_details as render_and_store
from cms.content.models import ContentPage
from cms.core.changes import Change, Stage, subscribe

logger = logging.getLogger(__name__)

# Items published in one transaction up to which a worker renders them at once; a
# large import (thousands in one transaction) renders on first read instead.
EAGER_RENDER_LIMIT = 50


@shared_task(ignore_result=True)
def store_details(page_ids: list[int]) -> None:
    render_and_store(page_ids)


def on_committed(changes) -> None:
    ids = [
        change.page_id
        for change in changes
        if change.model is not None and issubclass(change.model, ContentPage)
    ]
    if 0 < len(ids) <= EAGER_RENDER_LIMIT:
        enqueue_store_details(ids)


def enqueue_store_details(page_ids: list[int]) -> None:
    """Never raises and never waits on a dead broker: an item not rendered now is
    rendered by its first reader."""
    try:
        store_details.apply_async(args=[page_ids], retry=False)
    except Exception as exc:
        logger.warning("API details %s not queued for rendering (%s)", page_ids, exc)


def subscribe_to_changes() -> None:
    subscribe(
        on_committed, stage=Stage.COMMITTED, kinds={Change.PUBLISHED, Change.UPDATED}
    )
