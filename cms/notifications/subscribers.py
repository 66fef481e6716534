"""Report events -> email outbox rows.

A records subscriber of ``cms.complaints.events``: the rows are written in the
transaction of the step itself, so the step and its emails commit together. Once
written, a row survives a dead mail server, worker or broker (the beat sweep
sends it).
"""

from django.db import transaction

from cms.complaints.events import ReportEvent, subscribe
from cms.complaints.models import Action, Disposition, Report, Status

from .context import last_public_entry, opd_context, reporter_context, site_url
from .recipients import liaison_addresses, reporter_address
from .records import email_queue

# Event kind -> reporter template, and the public timeline actions it quotes.
REPORTER_STEPS = {
    "report.submitted": ("submitted", None),
    "report.info_requested": ("info_requested", [Action.INFO_REQUESTED]),
    "report.verified": ("verified", None),
    "report.responded": ("responded", [Action.RESPONDED, Action.PROGRESS]),
    "report.resolved": ("resolved", [Action.RESOLVED]),
    "report.closed": ("closed", None),
    "report.reopened": ("reopened", None),
    "report.rejected": ("rejected", [Action.NOT_AUTHORITY, Action.MERGED]),
}


def _notify_reporter(event: ReportEvent, report: Report) -> None:
    template, actions = REPORTER_STEPS[event.kind]
    if event.kind == "report.rejected" and report.status == Status.SPAM:
        return  # spam is kept quietly
    if event.kind == "report.verified" and event.data.get("opd_ids") == []:
        return  # a re-disposition that only withdrew an OPD
    entry = last_public_entry(report, actions) if actions else None
    if event.kind == "report.responded" and entry is None:
        return  # only public answers are emitted; nothing to quote otherwise
    extra = {"message": entry.message if entry else ""}
    token = event.data.get("token")
    if token:  # only the submit step has it: the link is sent once
        extra["reply_url"] = site_url(f"/lapor/balas/{token}/")
    if event.kind == "report.verified":
        extra["opds"] = [
            d.opd.title
            for d in report.dispositions.filter(active=True).select_related("opd")
        ]
    email_queue(
        to=reporter_address(report),
        template=f"reporter_{template}",
        context=reporter_context(report, **extra),
        kind=template,
        report_id=report.pk,
    )


def _notify_liaisons(event: ReportEvent, report: Report) -> None:
    """Liaisons of each OPD the report was (re)disposed to. An OPD that already
    had the report before a re-disposition is not told again."""
    dispositions = report.dispositions.filter(active=True).select_related("opd")
    if "opd_ids" in event.data:  # the OPDs this (re)disposition added
        dispositions = dispositions.filter(opd_id__in=event.data["opd_ids"])
    for disposition in dispositions:
        _liaison_email(report, disposition)


def _liaison_email(report: Report, disposition: Disposition) -> None:
    email_queue(
        to=liaison_addresses(disposition.opd),
        template="opd_disposed",
        context=opd_context(
            report,
            disposition.opd,
            note=disposition.note,
            due=disposition.first_response_due,
        ),
        kind="disposed",
        report_id=report.pk,
    )


def on_report_event(event: ReportEvent) -> None:
    if event.kind not in REPORTER_STEPS:
        return
    report = (
        Report.objects.select_related("category").filter(pk=event.report_id).first()
    )
    if report is None:
        return
    with transaction.atomic():  # all of a step's emails, or none
        _notify_reporter(event, report)
        if event.kind == "report.verified":
            _notify_liaisons(event, report)


def subscribe_to_reports() -> None:
    subscribe(on_report_event, records=True)
