"""Report events (``cms.complaints.events``) -> signed webhook deliveries.

Receivers: the endpoints of the OPDs the report is disposed to (and, on a
re-disposition, of those it was withdrawn from, so they can drop it) and of the
province desk (``COMPLAINTS_WEBHOOK_OPDS``, Diskominfo by default), each only for
the ``report.*`` types it chose. The payload is what anyone holding the tracking
code may read at /lapor/lacak/: never the reporter's identity, contacts, exact
address or coordinates, internal notes, or the event's own data (the submit
event carries the reporter's secret link token).

The rows are written in the transaction of the report's step (a records
subscriber of ``cms.complaints.events``): the step and its deliveries commit
together.
"""

import uuid
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cms.complaints.events import ReportEvent, subscribe
from cms.complaints.models import Report
from cms.complaints.selectors import public_timeline
from cms.opd.models import OPDPage

from . import selectors
from .models import Event, WebhookDelivery
from .payloads import envelope
from .tasks import enqueue_deliveries

REPORT_EVENTS = frozenset(e.value for e in Event if e.value.startswith("report."))


def _when(value):
    return timezone.localtime(value).isoformat() if value else None


def report_object(report: Report) -> dict:
    entry = public_timeline(report).last()
    opds = sorted(
        report.dispositions.filter(active=True).values_list("opd__slug", flat=True)
    )
    return {
        "type": "report",
        "code": report.tracking_code,
        "kind": report.kind,
        "status": report.status,
        "category": {"slug": report.category.slug, "name": report.category.name},
        "region": report.region,
        "opds": opds,
        "submitted_at": _when(report.submitted_at),
        "updated_at": _when(report.updated_at),
        "last_public_entry": entry
        and {
            "at": _when(entry.at),
            "action": entry.action,
            "actor_role": entry.actor_role,
            "opd": entry.opd.slug if entry.opd else None,
            "message": entry.message,
        },
        "url": "/lapor/lacak/?kode=" + report.tracking_code,
    }


def interested_opd_ids(report: Report, event: ReportEvent) -> set[int]:
    ids = set(report.dispositions.filter(active=True).values_list("opd_id", flat=True))
    ids.update(event.data.get("removed_opd_ids") or ())
    desk = getattr(settings, "COMPLAINTS_WEBHOOK_OPDS", [])
    ids.update(OPDPage.objects.filter(slug__in=desk).values_list("pk", flat=True))
    return ids


def report_event_record(event: ReportEvent) -> list[int]:
    if event.kind not in REPORT_EVENTS or not selectors.any_active_endpoint():
        return []
    report = (
        Report.objects.select_related("category").filter(pk=event.report_id).first()
    )
    if report is None:
        return []
    endpoints = selectors.endpoints_for(interested_opd_ids(report, event), event.kind)
    if not endpoints:
        return []
    ref = report_object(report)
    rows = []
    for endpoint in endpoints:
        delivery_id = uuid.uuid4()
        payload = envelope(
            delivery_id=delivery_id,
            event=event.kind,
            occurred_at=event.at,
            opd_slug=endpoint.opd.slug,
            ref=ref,
        )
        rows.append(
            WebhookDelivery(
                endpoint=endpoint,
                delivery_id=delivery_id,
                event=event.kind,
                report_id=report.pk,
                payload=payload,
                next_attempt_at=timezone.now(),
                queued_for=timezone.now(),
            )
        )
    with transaction.atomic():
        ids = [row.pk for row in WebhookDelivery.objects.bulk_create(rows)]
        transaction.on_commit(partial(enqueue_deliveries, ids), robust=True)
    return ids


def subscribe_to_reports() -> None:
    subscribe(report_event_record, records=True)
