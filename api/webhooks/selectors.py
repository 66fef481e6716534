"""Read queries of webhooks: who hears about a page, and what a user may manage."""

from django.db.models import QuerySet
from wagtail.models import Page

from cms.content.models import ContentPage
from cms.core import send_schedule
from cms.dip.models import DIPEntryPage
from cms.opd.models import OPDPage
from cms.opd.selectors import opds_of_user
from cms.series.models import SeriesPage

from .models import SENDABLE, WebhookDelivery, WebhookEndpoint

# Page types OPD sites hear about: content items of every type, DIP entries, series.
WATCHED_TYPES = (ContentPage, DIPEntryPage, SeriesPage)


def is_watched(page: Page) -> bool:
    model = page.specific_class
    return model is not None and issubclass(model, WATCHED_TYPES)


def owner_opd(page: Page) -> OPDPage | None:
    """The OPD above the page in the tree (still there in ``pre_delete``)."""
    return OPDPage.objects.ancestor_of(page).order_by("-depth").first()


def interested_opd_ids(page: Page, owner: OPDPage | None) -> set[int]:
    """The owner, plus the OPDs a series joins: a series notifies the OPDs whose
    live items are in it, an item notifies the OPD owning its series."""
    ids = {owner.pk} if owner else set()
    model = page.specific_class
    if model is not None and issubclass(model, SeriesPage):
        ids.update(
            ContentPage.objects.filter(series_id=page.pk, live=True)
            .exclude(opd_id=None)
            .values_list("opd_id", flat=True)
            .distinct()
        )
    elif model is not None and issubclass(model, ContentPage):
        series_id = (
            ContentPage.objects.filter(pk=page.pk)
            .values_list("series_id", flat=True)
            .first()
        )
        series = Page.objects.filter(pk=series_id).first() if series_id else None
        series_owner = owner_opd(series) if series else None
        if series_owner:
            ids.add(series_owner.pk)
    return ids


def any_active_endpoint() -> bool:
    return WebhookEndpoint.objects.filter(active=True).exists()


def endpoints_for(opd_ids, event: str) -> list[WebhookEndpoint]:
    endpoints = WebhookEndpoint.objects.filter(opd_id__in=opd_ids, active=True)
    return [
        endpoint
        for endpoint in endpoints.select_related("opd")
        if endpoint.wants(event)
    ]


def manageable_opds(user) -> QuerySet[OPDPage]:
    """Superusers manage every OPD's endpoints; an OPD's editors and reviewers their
    own OPD's only (the same groups that edit its pages)."""
    if not user.is_active:
        return OPDPage.objects.none()
    if user.is_superuser:
        return OPDPage.objects.all()
    return opds_of_user(user)


def can_manage_webhooks(user) -> bool:
    return manageable_opds(user).exists()


def endpoints_for_user(user) -> QuerySet[WebhookEndpoint]:
    return WebhookEndpoint.objects.filter(opd__in=manageable_opds(user)).select_related(
        "opd"
    )


def deliveries_for_user(user, *, endpoint_id=None, status=None) -> QuerySet:
    deliveries = WebhookDelivery.objects.filter(
        endpoint__in=endpoints_for_user(user)
    ).select_related("endpoint", "endpoint__opd")
    if endpoint_id:
        deliveries = deliveries.filter(endpoint_id=endpoint_id)
    if status:
        deliveries = deliveries.filter(status=status)
    return deliveries


def sendable_deliveries() -> QuerySet[WebhookDelivery]:
    """Deliveries a worker may still send: not finished, their endpoint active."""
    return WebhookDelivery.objects.filter(status__in=SENDABLE, endpoint__active=True)


def due_delivery_ids(*, requeue_after, limit: int) -> list[int]:
    """Sendable deliveries due now with no task on its way (see
    ``cms.core.send_schedule.unqueued_due_ids``)."""
    return send_schedule.unqueued_due_ids(
        sendable_deliveries(), requeue_after=requeue_after, limit=limit
    )
