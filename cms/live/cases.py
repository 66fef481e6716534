"""Citizen cases on live screens: a complaint's step reaches the verification team
and the liaisons of the OPDs handling it (their open queues re-fetch themselves).
Information requests publish from ``cms.ppid.steps.log``, the step every request
change writes (``cases_changed``)."""

from cms.complaints import events as report_events
from cms.complaints.access import VERIFIER_GROUP, liaison_group_name
from cms.complaints.models import Disposition

from . import publish


def subscribe_to_reports() -> None:
    report_events.subscribe(on_report_event)  # after the commit


def on_report_event(event) -> None:
    opds = [
        d.opd
        for d in Disposition.objects.filter(report_id=event.report_id).select_related(
            "opd"
        )
    ]
    groups = [VERIFIER_GROUP, *(liaison_group_name(opd) for opd in opds)]
    publish.send("cases", channels=[f"group:{name}" for name in groups])
