"""Citizen cases on live screens: a complaint's step reaches the verification team
and the liaisons of the OPDs handling it (their open queues re-fetch themselves).
Information requests do the same from ``cms.ppid.steps.log``, the step every
request change writes."""

from cms.complaints import events as report_events
from cms.complaints.access import VERIFIER_GROUP, liaison_group_name
from cms.opd.models import OPDPage

from . import publish


def subscribe_to_reports() -> None:
    # Collected inside the step's transaction (it cannot fail it), sent after the
    # commit: one event and one lookup for all the reports a transaction moved.
    report_events.subscribe(on_report_event, records=True)


def on_report_event(event) -> None:
    _reports.add("reports", [event.report_id])


def _send(batch: dict) -> None:
    opds = OPDPage.objects.filter(
        complaint_dispositions__report_id__in=batch["reports"]
    ).only("slug")
    publish.cases_changed([VERIFIER_GROUP, *{liaison_group_name(o) for o in opds}])


_reports = publish.CommitBatch(_send)
